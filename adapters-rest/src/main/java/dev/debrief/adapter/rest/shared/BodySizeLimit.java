package dev.debrief.adapter.rest.shared;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.regex.Pattern;

/**
 * Refuses a body larger than {@code debrief.http.max-body-size} (DEBRIEF_MAX_BODY_SIZE, 1 MB) with a 413
 * problem ({@code request.too-large}); the CSV import ({@code POST …/imports}) has its own, larger limit,
 * {@code debrief.import.max-size} (DEBRIEF_IMPORT_MAX_SIZE, 50 MB). Quarkus's own
 * {@code quarkus.http.limits.max-body-size} (64 MB) must exceed both by at least {@value #MARGIN} bytes:
 * Quarkus notices a streamed body crossing its limit as the data arrives, before the resource has read
 * it, and then answers an empty 413 and aborts the upload; so ours must be the limit that is reached. Quarkus enforces the same limit on the router at
 * {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}, but answers with an empty 413, and a streamed
 * (chunked) body over the limit even ends in an IOException after its empty 413 is written. This runs
 * just before it (and after CORS, so a browser can read the answer):
 * <ul>
 * <li>a declared Content-Length over the limit is refused before the body is read;</li>
 * <li>a body without Content-Length is read here, up to the limit (Vert.x's BodyHandler); RESTEasy
 * Reactive then uses what was read instead of streaming it again.</li>
 * </ul>
 * After a refusal over HTTP/1.x the connection is closed, but not at once: closing a socket with unread
 * data makes the kernel reset it, and a client still sending its body (most send it all before they read)
 * then fails with a broken pipe before it reads the 413. So the rest of the body is read and discarded
 * first, up to {@value #LINGER_BYTES} bytes and for at most {@value #LINGER_MILLIS} ms, as web servers'
 * "lingering close" does; nothing of it is kept.
 */
@ApplicationScoped
public class BodySizeLimit {

    public static final String CODE = "request.too-large";

    /** The import's path: its body is streamed into storage by the resource, never buffered here. */
    private static final Pattern IMPORT = Pattern.compile("/api/v1/workspaces/[^/]+/imports/?");

    /** How far Quarkus's own limit must lie beyond ours (more than a network read delivers at once). */
    static final long MARGIN = 1024 * 1024;

    /** How much of a refused body is read and discarded before the connection is closed anyway. */
    static final long LINGER_BYTES = 4L * 1024 * 1024;
    static final long LINGER_MILLIS = 2_000;

    private final long maxBytes;
    private final long importMaxBytes;

    BodySizeLimit(@ConfigProperty(name = "debrief.http.max-body-size") MemorySize max,
                  @ConfigProperty(name = "debrief.import.max-size") MemorySize importMax,
                  @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize quarkusMax) {
        this.maxBytes = max.asLongValue();
        this.importMaxBytes = importMax.asLongValue();
        if (quarkusMax.asLongValue() < Math.max(maxBytes, importMaxBytes) + MARGIN) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE, "
                    + quarkusMax.asLongValue() + " bytes) must exceed debrief.import.max-size (DEBRIEF_IMPORT_MAX_SIZE, "
                    + importMaxBytes + ") and debrief.http.max-body-size (DEBRIEF_MAX_BODY_SIZE, " + maxBytes
                    + ") by at least " + MARGIN + " bytes");
        }
    }

    void install(@Observes Router router) {
        BodyHandler streamed = BodyHandler.create(false).setBodyLimit(maxBytes);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> check(context, streamed))
                .failureHandler(this::streamedTooLarge);
    }

    private void check(RoutingContext context, BodyHandler streamed) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (HttpMethod.POST.equals(context.request().method()) && IMPORT.matcher(context.request().path()).matches()) {
            // not buffered: ImportResource counts a chunked body while it stores it
            if (declared != null && tooLarge(declared, importMaxBytes)) {
                refuse(context, importMaxBytes);
            } else {
                context.next();
            }
        } else if (declared != null) {
            if (tooLarge(declared, maxBytes)) {
                refuse(context, maxBytes);
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
            refuse(context, maxBytes);
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context, long limit) {
        closeOnceAnswered(context);
        Problems.send(context, 413, CODE, "The request body is larger than the " + limit
                + " bytes this service accepts");
    }

    /**
     * For an answer given before the request's body was read to its end (a refusal): over HTTP/1.x the
     * answer says {@code Connection: close}, and once it is written the rest of the body is read and
     * discarded (bounded) before the connection closes, so the client reads the answer instead of a reset.
     */
    public static void closeOnceAnswered(RoutingContext context) {
        if (context.request().version() != HttpVersion.HTTP_2) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            context.addEndHandler(ended -> lingerThenClose(context));
        }
    }

    /** Reads and discards what the client still sends (bounded in bytes and time), then closes the connection. */
    private static void lingerThenClose(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long timer = context.vertx().setTimer(LINGER_MILLIS, id -> connection.close());
        long[] discarded = {0};
        Runnable close = () -> {
            context.vertx().cancelTimer(timer);
            connection.close();
        };
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > LINGER_BYTES) {
                close.run();
            }
        });
        request.endHandler(ended -> close.run());
        request.exceptionHandler(failure -> close.run());
        request.resume();
    }

    private static boolean mayHaveBody(HttpMethod method) {
        return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
    }

    private static boolean tooLarge(String declared, long limit) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The CSV import's limit. */
    public long importMaxBytes() {
        return importMaxBytes;
    }
}
