package dev.debrief.adapter.rest.shared;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer carries, set as its headers are written, so error answers of any layer (the router's
 * problems, RESTEasy's, Quarkus's own 404s) carry them too:
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff} and {@code X-Frame-Options: DENY} everywhere;</li>
 * <li>{@code Content-Security-Policy}: nothing may be loaded or framed for API answers and the contract;
 * for Swagger UI, its own scripts, styles and images, its two inline scripts by hash, calls to the service
 * only, and no framing ({@link #SWAGGER_UI_POLICY});</li>
 * <li>{@code Cache-Control: no-store} on the API ({@code /api/}): answers are per caller, and an API key's
 * creation answer carries its secret. A resource that sets its own Cache-Control keeps it.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * What Quarkus's Swagger UI page loads: its bundle, preset and CSS from {@code /q/swagger-ui/}, images
     * (also as {@code data:} URIs, used by its CSS), the contract and the API from the service, and two inline
     * scripts that start it (allowed by their SHA-256, not by {@code 'unsafe-inline'}; SecurityHeadersTest
     * fails when a Quarkus upgrade changes them). Its React components set inline styles, hence
     * {@code style-src 'unsafe-inline'} (styles can't run code).
     */
    static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self' %s; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'; object-src 'none'";

    /** The SHA-256 of Swagger UI's two inline scripts (Quarkus 3.36.1, with quarkus.swagger-ui.persist-authorization=false). */
    static final String SWAGGER_UI_SCRIPTS = "'sha256-AqcUGwpK0Ur3MgdTyzQ0KaqB4sm+CMf8dTOwCyi4HSw=' "
            + "'sha256-41EiX0vdX6YCogTlcdHr0jMn5V5ZqZcf4P7Ovak8xOE='";

    private static final String SWAGGER_UI = "/q/swagger-ui";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::onHeadersEnd);
    }

    private void onHeadersEnd(RoutingContext context) {
        String path = context.request().path();
        context.addHeadersEndHandler(ignored -> set(context.response().headers(), path == null ? "" : path));
        context.next();
    }

    static void set(MultiMap headers, String path) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        if (path.startsWith(SWAGGER_UI)) {
            headers.set("Content-Security-Policy", SWAGGER_UI_POLICY.formatted(SWAGGER_UI_SCRIPTS));
        } else {
            headers.set("Content-Security-Policy", API_POLICY);
        }
        if (path.startsWith("/api/") && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
