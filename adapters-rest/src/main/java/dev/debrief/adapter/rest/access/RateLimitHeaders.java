package dev.debrief.adapter.rest.access;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every answer to an authenticated caller says where they stand in {@link RateLimiter}'s minute, in the
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} headers (as in the
 * IETF httpapi rate-limit drafts, and as GitHub's X-RateLimit-* do), so a client can slow down before
 * it gets a 429.
 */
public class RateLimitHeaders {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    /** The headers and what they mean, for the contract. */
    public static final Map<String, String> NAMES = names();

    static final String DECISION = RateLimitHeaders.class.getName() + ".decision";

    static void remember(RoutingContext context, MinuteWindows.Decision decision) {
        context.put(DECISION, decision);
    }

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response, RoutingContext context) {
        MinuteWindows.Decision decision = context == null ? null : context.get(DECISION);
        if (decision == null) {
            return;
        }
        response.getHeaders().putSingle(LIMIT, decision.limit());
        response.getHeaders().putSingle(REMAINING, decision.remaining());
        response.getHeaders().putSingle(RESET, decision.resetSeconds());
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(LIMIT, "Requests your credentials may send in a minute (DEBRIEF_RATE_LIMIT_PER_MINUTE, per instance)");
        names.put(REMAINING, "Requests left in the current minute after this one");
        names.put(RESET, "Seconds until the current minute's count starts again");
        return names;
    }
}
