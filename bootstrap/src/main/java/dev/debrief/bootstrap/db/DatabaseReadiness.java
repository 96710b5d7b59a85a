package dev.debrief.bootstrap.db;

import dev.debrief.adapter.rest.shared.DatabaseOutages;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness answers within {@link #ANSWER_SECONDS} whatever the database does. Quarkus' own
 * datasource check waits for a pooled connection and for the server, so a hung database left the
 * probe without an answer until the socket timeout; here the check runs on a thread of its own and a
 * probe that doesn't hear back in time reports DOWN. A check still hanging is waited on again
 * rather than started twice, so a hung database never ties up more than one thread. While the
 * database is known to be down ({@link DatabaseOutages}), DOWN comes at once.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final int ANSWER_SECONDS = 2;
    private static final String NAME = "Database";

    @Inject
    DatabaseOutages outages;

    @Inject
    AgroalDataSource dataSource;

    private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "database-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Boolean> running;

    @Override
    public HealthCheckResponse call() {
        if (outages.isDown()) {
            return down("unavailable");
        }
        try {
            return check().get(ANSWER_SECONDS, TimeUnit.SECONDS)
                    ? HealthCheckResponse.named(NAME).up().build()
                    : down("a connection did not validate");
        } catch (TimeoutException e) {
            return down("no answer within " + ANSWER_SECONDS + " s");
        } catch (ExecutionException e) {
            return down("unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private synchronized CompletableFuture<Boolean> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::connectionValidates, checker);
        }
        return running;
    }

    private boolean connectionValidates() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(ANSWER_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
