package dev.debrief.adapter.rest.shared;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} with a 413 problem
 * ({@code request.too-large}). Quarkus enforces the same limit on the router at
 * {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}, but answers with an empty 413, and a streamed
 * (chunked) body over the limit even ends in an IOException after its empty 413 is written. This runs
 * just before it (and after CORS, so a browser can read the answer):
 * <ul>
 * <li>a declared Content-Length over the limit is refused before the body is read;</li>
 * <li>a body without Content-Length is read here, up to the limit (Vert.x's BodyHandler); RESTEasy
 * Reactive then uses what was read instead of streaming it again.</li>
 * </ul>
 * After a refusal the rest of the body is never read: the connection is closed, as Quarkus does.
 */
@ApplicationScoped
public class BodySizeLimit {

    public static final String CODE = "request.too-large";

    private final long maxBytes;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        BodyHandler streamed = BodyHandler.create(false).setBodyLimit(maxBytes);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> check(context, streamed))
                .failureHandler(this::streamedTooLarge);
    }

    private void check(RoutingContext context, BodyHandler streamed) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            if (tooLarge(declared)) {
                refuse(context);
            } else {
                context.next();
            }
        } else if (mayHaveBody(context.request().method())) {
            streamed.handle(context);
        } else {
            context.next();
        }
    }

    private void streamedTooLarge(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().ended()) {
            refuse(context);
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context) {
        if (context.request().version() != HttpVersion.HTTP_2) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ended -> context.request().connection().close());
        }
        Problems.send(context, 413, CODE, "The request body is larger than the " + maxBytes
                + " bytes this service accepts");
    }

    private static boolean mayHaveBody(HttpMethod method) {
        return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public long maxBytes() {
        return maxBytes;
    }
}
