package dev.debrief.bootstrap.db;

import dev.debrief.adapter.rest.shared.DatabaseOutages;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * While the database is marked down ({@link DatabaseOutages}), checks every second whether it answers
 * again. When it does, the pool's idle connections (opened before the outage, now broken) are closed
 * so no request picks one up, and the database is marked reachable. Costs nothing while all is well.
 */
@ApplicationScoped
public class DatabaseProbe {

    private static final int VALIDATION_SECONDS = 2;

    @Inject
    DatabaseOutages outages;

    @Inject
    AgroalDataSource dataSource;

    @Scheduled(identity = "database-probe", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        if (!outages.isDown()) {
            return;
        }
        dataSource.flush(AgroalDataSource.FlushMode.IDLE);
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_SECONDS)) {
                dataSource.flush(AgroalDataSource.FlushMode.IDLE);
                outages.reachable();
            }
        } catch (SQLException stillAway) {
            // the WARN was written when it went away; the INFO comes when it is back
        }
    }
}
