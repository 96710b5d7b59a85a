package dev.debrief.adapter.persistence.access;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Hears every change to {@code api_key} that any instance commits ({@code LISTEN}; the trigger of migration
 * V16 notifies with the key's prefix) and makes the {@link ApiKeyCache} forget that key. It holds one of the
 * pool's connections for as long as the service runs. While it has none, or its connection stops answering
 * (checked every {@link #CHECK}), the cache keeps nothing and every request reads its key; it tries again
 * every second. The whole bound on another instance's lag is in the README ("Authentication").
 */
@ApplicationScoped
public class ApiKeyChangeListener {

    static final String CHANNEL = "debrief_api_key_changed";
    /** The payload that names every key (a TRUNCATE): no prefix has this shape. */
    static final String EVERY_KEY = "*";
    /** How often a quiet listening connection is asked whether it still answers. */
    static final Duration CHECK = Duration.ofSeconds(10);
    private static final int WAIT_MILLIS = 500;
    private static final Logger LOG = Logger.getLogger(ApiKeyChangeListener.class);

    private final DataSource dataSource;
    private final ApiKeyCache cache;
    private volatile boolean stopping;
    private Thread thread;

    @Inject
    ApiKeyChangeListener(DataSource dataSource, ApiKeyCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    @Produces
    @Singleton
    static ApiKeyCache cache() {
        return new ApiKeyCache(System::nanoTime);
    }

    void start(@Observes StartupEvent start) {
        thread = new Thread(this::listen, "debrief-api-key-changes");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        stopping = true;
        cache.hearing(false);
        thread.join(2 * WAIT_MILLIS + 1000);
    }

    private void listen() {
        boolean lost = false;
        while (!stopping) {
            try (Connection connection = dataSource.getConnection()) {
                try {
                    listenOn(connection, lost);
                    lost = false;
                } finally {
                    unlisten(connection);
                }
            } catch (SQLException | RuntimeException | Error e) {
                cache.hearing(false); // whatever stopped the listening, nothing is served from memory until it is back
                if (!lost && !stopping) {
                    LOG.infof("API keys are read on every request until changes to them can be heard again (%s)",
                            e.getMessage());
                }
                lost = true;
                pause();
            }
        }
    }

    private void listenOn(Connection connection, boolean wasLost) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + CHANNEL);
        }
        cache.hearing(true);
        if (wasLost) {
            LOG.info("Changes to API keys are heard again: keys are cached");
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (!stopping) {
            PGNotification[] heard = notifications.getNotifications(WAIT_MILLIS);
            if (heard != null && heard.length > 0) {
                for (PGNotification notification : heard) {
                    if (EVERY_KEY.equals(notification.getParameter())) {
                        cache.forgetAll(); // TRUNCATE
                    } else {
                        cache.forget(notification.getParameter());
                    }
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > CHECK.toNanos()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1"); // a hung or lost server fails this within the socket timeout
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private static void unlisten(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("unlisten *"); // the connection goes back to the pool
        } catch (SQLException e) {
            // a broken connection: the pool's validation discards it
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
