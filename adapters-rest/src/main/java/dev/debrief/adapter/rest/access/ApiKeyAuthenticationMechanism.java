package dev.debrief.adapter.rest.access;

import dev.debrief.adapter.rest.shared.ProblemMappers;
import dev.debrief.domain.access.ApiKey;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Partners' API keys: {@code Authorization: Bearer dbk_…} (the primary form) or {@code X-Api-Key: dbk_…}.
 * Bearer tokens that are not API keys are left to the JWT mechanism (people). This mechanism runs first,
 * so it also refuses a request that names two callers ({@value #CONFLICTING}): {@code X-Api-Key} next to an
 * {@code Authorization} that is not {@code Bearer} and the same key, or either header twice. Such a request is
 * refused whatever each header says on its own: a client that sends a valid key next to a revoked one, or a
 * person's token next to a key, must learn about it rather than be served as one of the two.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-Api-Key";
    static final String AUTHORIZATION = "Authorization";
    public static final String CONFLICTING = "auth.conflicting-credentials";
    static final String CHALLENGE = "Bearer realm=\"debrief\"";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String secret;
        try {
            secret = secret(context);
        } catch (AuthenticationFailedException e) {
            return Uni.createFrom().failure(e);
        }
        if (secret == null) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new ApiKeyAuthenticationRequest(secret), context));
    }

    static String secret(RoutingContext context) {
        List<String> keys = context.request().headers().getAll(HEADER);
        List<String> authorizations = context.request().headers().getAll(AUTHORIZATION);
        if (keys.size() > 1 || authorizations.size() > 1) {
            throw conflicting("Send one credential: this request has " + keys.size() + " " + HEADER
                    + " and " + authorizations.size() + " Authorization headers");
        }
        String header = keys.isEmpty() || keys.get(0).isBlank() ? null : keys.get(0).strip();
        String bearer = authorizations.isEmpty() ? null : bearer(authorizations.get(0));
        if (header != null) {
            if (!authorizations.isEmpty() && !header.equals(bearer)) {
                throw conflicting("Send one credential: " + HEADER + " and Authorization name different callers");
            }
            return header;
        }
        return bearer != null && bearer.startsWith(ApiKey.SECRET_START) ? bearer : null;
    }

    private static AuthenticationFailedException conflicting(String detail) {
        return new AuthenticationFailedException(detail,
                Map.of(ProblemMappers.PROBLEM_CODE, CONFLICTING, ProblemMappers.PROBLEM_DETAIL, detail));
    }

    private static String bearer(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}
