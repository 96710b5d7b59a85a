package dev.debrief.adapter.rest.access;

import dev.debrief.adapter.rest.shared.Problems;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Holds client addresses to {@link AuthenticationFailures}: a request that carries credentials
 * ({@code Authorization} or {@code X-Api-Key}) from an address over its limit is refused before anything
 * checks them (no key lookup in the database, no token verification) with a 429 problem
 * ({@code auth.too-many-failures}) and {@code Retry-After}; and every 401 to a request with credentials counts
 * as a failure of its address. Requests without credentials are neither counted nor refused.
 * <p>
 * The address is the request's {@code remoteAddress()}: the TCP peer, unless Quarkus's proxy support
 * ({@code quarkus.http.proxy.proxy-address-forwarding} with {@code allow-x-forwarded} or
 * {@code allow-forwarded}, optionally limited to {@code trusted-proxies}) has replaced it with the forwarded
 * client's. {@code X-Forwarded-For} and {@code Forwarded} are never read here.
 */
@ApplicationScoped
public class FailedAuthenticationLimit {

    public static final String CODE = "auth.too-many-failures";

    @Inject
    AuthenticationFailures failures;

    void install(@Observes Router router) {
        // After RequestIds and CrossOrigins, before any route that authenticates.
        router.route().order(Integer.MIN_VALUE + 20).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        if (!context.request().headers().contains(ApiKeyAuthenticationMechanism.AUTHORIZATION)
                && !context.request().headers().contains(ApiKeyAuthenticationMechanism.HEADER)) {
            context.next();
            return;
        }
        String address = address(context);
        MinuteWindows.Decision decision = failures.check(address);
        if (!decision.allowed()) {
            context.response().putHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            Problems.send(context, 429, CODE, "More than " + failures.perMinute()
                    + " failed authentications from your address in a minute; retry in "
                    + decision.retryAfterSeconds() + " s");
            return;
        }
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 401) {
                failures.failed(address);
            }
        });
        context.next();
    }

    private static String address(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}
