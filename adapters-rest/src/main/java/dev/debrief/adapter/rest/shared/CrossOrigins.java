package dev.debrief.adapter.rest.shared;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Browsers on the configured origins ({@code quarkus.http.cors.origins}, set by DEBRIEF_CORS_ORIGINS)
 * get CORS answers from Quarkus's CORS filter. A request from any other origin is refused here first, with
 * a 403 problem ({@code cors.origin-not-allowed}): Quarkus would refuse it too, but with an empty body.
 * <p>
 * The service's own pages (Swagger UI) may call it too. Their origin is the configured public base URL's
 * ({@link PublicBaseUrl}), or, on a loopback host ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}), the
 * request's own; a {@code Host} header alone never makes an origin trusted ({@code Host: evil.example} with
 * {@code Origin: http://evil.example} is refused). A request from the own origin is same-origin, not
 * cross-origin: its {@code Origin} is dropped so that Quarkus's filter, which compares it with the Host,
 * neither refuses nor answers it.
 */
@ApplicationScoped
public class CrossOrigins {

    public static final String CODE = "cors.origin-not-allowed";

    private final Set<String> allowed;
    private final PublicBaseUrl publicBaseUrl;

    @Inject
    CrossOrigins(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins,
                 PublicBaseUrl publicBaseUrl) {
        this.allowed = Set.copyOf(origins.orElse(List.of()));
        this.publicBaseUrl = publicBaseUrl;
    }

    void install(@Observes Router router) {
        // After RequestIds (Integer.MIN_VALUE), before Quarkus's CORS filter.
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check);
    }

    private void check(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || allowed.contains(origin)) {
            context.next();
            return;
        }
        if (own(context, origin)) {
            context.request().headers().remove(HttpHeaders.ORIGIN);
            context.next();
            return;
        }
        Problems.send(context, 403, CODE, "Requests from " + origin
                + " are not allowed: the service answers browsers on its configured origins only");
    }

    private boolean own(RoutingContext context, String origin) {
        Optional<String> configured = publicBaseUrl.origin();
        if (configured.isPresent() && configured.get().equalsIgnoreCase(origin)) {
            return true;
        }
        HostAndPort authority = context.request().authority();
        return authority != null && loopback(authority.host())
                && origin.equals(context.request().scheme() + "://" + context.request().authority());
    }

    private static boolean loopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || name.equals("::1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
