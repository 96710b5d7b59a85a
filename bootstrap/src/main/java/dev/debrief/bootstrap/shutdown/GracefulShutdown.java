package dev.debrief.bootstrap.shutdown;

import dev.debrief.application.port.in.imports.RunImportJobsUseCase;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.Vertx;
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
     * Once the listener is closed, every HTTP/1.1 response that starts being written says {@code Connection:
     * close}, also for requests that arrived before (Quarkus decides that only for requests arriving
     * during the drain): otherwise a client whose request finished last sends its next one on the same
     * connection right after the drain has counted zero, and Vert.x closes the connection under it.
     */
    void closeConnectionsWhileDraining(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            if (context.request().version() != HttpVersion.HTTP_2) {
                context.addHeadersEndHandler(ignored -> {
                    if (draining) {
                        context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                        context.addEndHandler(written -> context.request().connection().close());
                    }
                });
            }
            context.next();
        });
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
        LOG.infof("Stopped accepting connections on %s; finishing the requests in flight", closed);
    }
}
