package dev.debrief.adapter.rest.shared;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Browsers on the configured origins ({@code quarkus.http.cors.origins}, set by DEBRIEF_CORS_ORIGINS)
 * get CORS answers from Quarkus's CORS filter. A request from any other origin (neither configured nor
 * the service's own) is refused here first, with a 403 problem ({@code cors.origin-not-allowed}):
 * Quarkus would refuse it too, but with an empty body.
 */
@ApplicationScoped
public class CrossOrigins {

    public static final String CODE = "cors.origin-not-allowed";

    private final Set<String> allowed;

    CrossOrigins(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.allowed = Set.copyOf(origins.orElse(List.of()));
    }

    void install(@Observes Router router) {
        // After RequestIds (Integer.MIN_VALUE), before Quarkus's CORS filter.
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check);
    }

    private void check(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || allowed.contains(origin) || own(context, origin)) {
            context.next();
            return;
        }
        Problems.send(context, 403, CODE, "Requests from " + origin
                + " are not allowed: the service answers browsers on its configured origins only");
    }

    private static boolean own(RoutingContext context, String origin) {
        return origin.equals(context.request().scheme() + "://" + context.request().authority());
    }
}
