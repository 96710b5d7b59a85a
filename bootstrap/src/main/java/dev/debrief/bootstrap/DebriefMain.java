package dev.debrief.bootstrap;

import dev.debrief.bootstrap.db.EmbeddedDatabaseBootstrap;
import dev.debrief.bootstrap.db.StartupRefused;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Starts Debrief. With no datasource configured, an embedded PostgreSQL is started first (and
 * stopped after the service), so {@code java -jar} on a fresh machine just works. A configuration
 * that must not start (no database URL with the embedded database switched off) ends the process
 * with one ERROR line that says what to set, and exit status 1.
 */
@QuarkusMain
public class DebriefMain {

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    public static void main(String... args) {
        EmbeddedDatabaseBootstrap database;
        try {
            database = EmbeddedDatabaseBootstrap.beforeQuarkus();
        } catch (StartupRefused refused) {
            // Quarkus has not set up logging yet (a logger here prints nothing): one line, in the log's format.
            System.err.println(LocalDateTime.now().format(LOG_TIME) + " ERROR [dev.deb.boo.DebriefMain] (main) " + refused.getMessage());
            System.exit(1);
            return;
        }
        try (database) {
            Quarkus.run(args);
        }
    }
}
