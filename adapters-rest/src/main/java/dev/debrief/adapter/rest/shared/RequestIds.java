package dev.debrief.adapter.rest.shared;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, a new UUID otherwise.
 * It goes back in the response header, into the logging context ({@code %X{requestId}}) and into
 * every problem's {@code instance}. Installed on the HTTP router, so it covers requests that never
 * reach a resource (unknown paths, health checks) too.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String CONTEXT_KEY = "debrief.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.put(CONTEXT_KEY, id);
        context.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        context.next();
    }

    /** The id of the request being served, from the routing context or the logging context. */
    public static String current(RoutingContext context) {
        Object id = context == null ? null : context.get(CONTEXT_KEY);
        if (id == null) {
            Object fromMdc = MDC.get(MDC_KEY);
            return fromMdc == null ? UUID.randomUUID().toString() : fromMdc.toString();
        }
        return id.toString();
    }

    public static String instance(String requestId) {
        return "urn:debrief:request:" + requestId;
    }
}
