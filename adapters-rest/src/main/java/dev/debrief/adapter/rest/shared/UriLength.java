package dev.debrief.adapter.rest.shared;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request URI longer than {@code debrief.http.max-uri-length} (DEBRIEF_MAX_URI_LENGTH, 4096
 * characters) with a 414 problem ({@value #CODE}). The HTTP codec's own limit on the request line,
 * {@code quarkus.http.limits.max-initial-line-length}, lies far beyond it (64 KB): the codec answers
 * before any handler of ours runs, with an empty 414, because Quarkus never installs a Vert.x
 * {@code invalidRequestHandler} (see "Bad input" in docs/decisions.md). So ours is the limit a client meets;
 * only a request line over 64 KB still gets the empty answer.
 */
@ApplicationScoped
public class UriLength {

    public static final String CODE = "request.uri-too-long";

    /** Room for the method and the protocol version around the URI on the request line. */
    static final int LINE_MARGIN = 32;

    private final int maxLength;

    UriLength(@ConfigProperty(name = "debrief.http.max-uri-length") int maxLength,
              @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int codecMax) {
        if (codecMax < maxLength + LINE_MARGIN) {
            throw new IllegalStateException("quarkus.http.limits.max-initial-line-length (" + codecMax
                    + ") must exceed debrief.http.max-uri-length (DEBRIEF_MAX_URI_LENGTH, " + maxLength + ") by at least "
                    + LINE_MARGIN + ": the HTTP codec would answer an empty 414 before this limit is reached");
        }
        this.maxLength = maxLength;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (context.request().uri().length() > maxLength) {
            Problems.send(context, 414, CODE, "The request URI is longer than the " + maxLength
                    + " characters this service accepts: send long filters in fewer or shorter parameters");
        } else {
            context.next();
        }
    }
}
