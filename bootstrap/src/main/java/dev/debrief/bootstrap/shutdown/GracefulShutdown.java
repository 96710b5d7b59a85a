package dev.debrief.bootstrap.shutdown;

import dev.debrief.application.port.in.imports.RunImportJobsUseCase;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.Context;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
     * The HTTP/1.x connections that have carried a request, each with its event-loop context and the
     * number of its requests in progress. Weak keys: a closed connection drops out once Vert.x lets go of it.
     */
    private final Map<HttpConnection, Traffic> connections = Collections.synchronizedMap(new WeakHashMap<>());

    private record Traffic(Context context, AtomicInteger inFlight) {
    }

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
                Traffic traffic = connections.computeIfAbsent(connection,
                        ignored -> new Traffic(Vertx.currentContext(), new AtomicInteger()));
                traffic.inFlight().incrementAndGet();
                context.addEndHandler(ended -> traffic.inFlight().decrementAndGet());
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
     * Closes the kept-alive connections that carry no request at the moment the listener closes. Left
     * open, they would be closed when the drain ends, and that is when clients, whose busy connections
     * have just been closed after their last answers, pick an idle one for their next request: a request
     * on its way as the connection closes is reset unread, and its client cannot tell it from a cut one.
     * Closed now, a client sees the close before it reuses the connection and gets "connection refused"
     * on a new one. The check runs on the connection's event loop, where its requests are dispatched, so
     * a request that has been read is never dropped. Returns how many connections were looked at.
     */
    private int closeIdleConnections() {
        List<Map.Entry<HttpConnection, Traffic>> open;
        synchronized (connections) {
            open = new ArrayList<>(connections.entrySet());
        }
        for (Map.Entry<HttpConnection, Traffic> entry : open) {
            Traffic traffic = entry.getValue();
            traffic.context().runOnContext(ignored -> {
                if (traffic.inFlight().get() == 0) {
                    entry.getKey().close();
                }
            });
        }
        return open.size();
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
        draining = true;
        List<String> closed = HttpListeners.stopAccepting(vertx);
        int idle = closeIdleConnections();
        LOG.infof("Stopped accepting connections on %s and closed the idle ones of %d kept alive; finishing the requests in flight",
                closed, idle);
    }
}
