package dev.debrief.bootstrap.shutdown;

import dev.debrief.application.port.in.imports.RunImportJobsUseCase;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * The first steps of a shutdown (SIGTERM), before Quarkus drains the requests in flight:
 * <ol>
 * <li>readiness turns DOWN (SmallRye Health's "Graceful Shutdown" check does it in the same phase) and
 * the import runner stops before its next batch;</li>
 * <li>for {@code debrief.shutdown.delay} (D) the service goes on serving, so load balancers that have
 * not yet seen readiness fail still get answers;</li>
 * <li>the listeners stop accepting ({@link HttpListeners}): a new connection is refused, never reset.</li>
 * </ol>
 * Then Quarkus waits for the requests in flight, at most {@code quarkus.shutdown.timeout} (T), stops
 * the application and closes the connection pool, and {@code DebriefMain} stops the embedded
 * PostgreSQL last. Runs in Quarkus's pre-shutdown phase ({@code quarkus.shutdown.delay-enabled}, with
 * Quarkus's own delay left unset: this class waits, so the listener closes exactly when D ends).
 */
@ApplicationScoped
public class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);

    @Inject
    RunImportJobsUseCase importRunner;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "debrief.shutdown.delay")
    Duration delay;

    @ConfigProperty(name = "quarkus.shutdown.timeout")
    Duration drainCap;

    private volatile boolean draining;

    /**
     * How long a kept-alive connection must have carried no request before the drain closes it: a client
     * that got an answer a moment ago is likely sending its next request on it right now.
     */
    static final Duration QUIET = Duration.ofMillis(250);

    private final KeptAliveConnections connections = new KeptAliveConnections();

    /**
     * Once the listener is closed, every HTTP/1.1 response that starts being written says {@code Connection:
     * close}, also for requests that arrived before (Quarkus decides that only for requests arriving
     * during the drain), and the connection closes after it: a client learns from the answer itself that
     * it must not send another request on it.
     */
    void closeConnectionsWhileDraining(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (context.request().version() != HttpVersion.HTTP_2) {
                HttpConnection connection = context.request().connection();
                Runnable ended = connections.requestStarted(connection);
                context.addEndHandler(done -> ended.run());
                context.addHeadersEndHandler(ignored -> {
                    if (draining) {
                        context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                        context.addEndHandler(written -> connection.close());
                    }
                });
            }
            context.next();
        });
    }

    /**
     * Closes the kept-alive connections that carry no request once they have been quiet for {@link #QUIET},
     * waiting (at most the drain cap) until none is left idle. Left open, they would be closed when Quarkus's
     * drain ends, and that is just when clients whose last answers said {@code Connection: close} send their
     * next request, often on another kept-alive connection: a request on its way as its connection closes is
     * reset unread, and its client cannot tell it from a cut one. A connection quiet for a while is one its
     * client isn't using; closed now, the client sees the close before it reuses it and gets "connection
     * refused" on a new one. HTTP/1.1 can't rule the race out (RFC 9112, 9.6: a client must be ready for an
     * idle connection to close), only make it rare.
     */
    private void closeIdleConnections() {
        long deadline = System.nanoTime() + drainCap.toNanos();
        try {
            while (connections.closeQuiet(QUIET.toNanos()) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void onShutdown(@Observes ShutdownDelayInitiatedEvent event) {
        importRunner.stop();
        LOG.infof("Shutting down: readiness is DOWN; serving %d ms more, then the listener closes and requests in flight get at most %d ms",
                delay.toMillis(), drainCap.toMillis());
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The listener first: a client told "Connection: close" reconnects at once, and a connection still
        // in the listen backlog when the listening socket closes is reset by the kernel, not refused.
        List<String> closed = HttpListeners.stopAccepting(vertx);
        draining = true;
        LOG.infof("Stopped accepting connections on %s; closing the kept-alive ones once idle and finishing the requests in flight",
                closed);
        closeIdleConnections();
    }
}
