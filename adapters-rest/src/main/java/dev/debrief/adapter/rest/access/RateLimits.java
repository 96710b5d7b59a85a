package dev.debrief.adapter.rest.access;

import dev.debrief.adapter.rest.shared.Problems;
import dev.debrief.domain.access.Principal;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds every authenticated caller to {@link RateLimiter}'s requests per minute: over it, a 429
 * problem ({@code rate-limit.exceeded}) with {@code Retry-After} in seconds. Keyed by who
 * authenticated (the API key, or the person's issuer and subject), so it runs once the credentials
 * are verified; requests without credentials are not counted (they get their 401 anyway).
 */
public class RateLimits {

    public static final String CODE = "rate-limit.exceeded";

    @Inject
    RateLimiter limiter;

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> limit(RoutingContext context) {
        return identities.getDeferredIdentity().map(identity -> {
            String caller = caller(identity);
            if (caller == null) {
                return null;
            }
            MinuteWindows.Decision decision = limiter.acquire(caller);
            RateLimitHeaders.remember(context, decision);
            if (decision.allowed()) {
                return null;
            }
            return Response.fromResponse(Problems.response(429, CODE, "More than " + limiter.perMinute()
                                    + " requests in a minute with these credentials; retry in "
                                    + decision.retryAfterSeconds() + " s", null, context))
                    .header("Retry-After", decision.retryAfterSeconds()).build();
        });
    }

    static String caller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        Principal.KeyHolder key = identity.getAttribute(ApiKeyIdentityProvider.KEY_HOLDER);
        if (key != null) {
            return "key " + key.keyId();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return "person " + token.getIssuer() + " " + token.getSubject();
        }
        return "principal " + identity.getPrincipal().getName();
    }
}
