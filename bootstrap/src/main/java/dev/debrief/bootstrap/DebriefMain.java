package dev.debrief.bootstrap;

import dev.debrief.bootstrap.command.Commands;
import dev.debrief.bootstrap.db.DatabaseChoice;
import dev.debrief.bootstrap.db.EmbeddedDatabaseBootstrap;
import dev.debrief.bootstrap.db.StartupRefused;
import dev.debrief.bootstrap.token.LocalTokens;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.SmallRyeConfig;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts Debrief. With no datasource configured, an embedded PostgreSQL is started first (and
 * stopped after the service), so {@code java -jar} on a fresh machine just works; with no identity
 * provider either, people's tokens are signed by a local key ({@link LocalTokens}). A configuration
 * that must not start (no database URL with the embedded database switched off) ends the process
 * with one ERROR line that says what to set, and exit status 1. {@code token <email>} and
 * {@code admin-key <workspace>} run a command instead ({@link Commands}).
 */
@QuarkusMain
public class DebriefMain {

    /** How long the JVM waits, after Quarkus has stopped, for the embedded PostgreSQL to stop. */
    private static final Duration DATABASE_STOP_CAP = Duration.ofSeconds(30);

    public static void main(String... args) {
        if (Commands.isCommand(args)) {
            System.exit(Commands.run(args));
            return;
        }
        SmallRyeConfig config = DatabaseChoice.config(DatabaseChoice.activeProfile(), Thread.currentThread().getContextClassLoader());
        DatabaseChoice choice = DatabaseChoice.from(config);
        EmbeddedDatabaseBootstrap database;
        try {
            database = EmbeddedDatabaseBootstrap.beforeQuarkus(choice);
        } catch (StartupRefused refused) {
            refused.printErrorLine();
            System.exit(1);
            return;
        }
        // On SIGTERM the JVM runs its shutdown hooks and halts when they are done, even if this thread is
        // still stopping PostgreSQL. This hook holds the JVM until the database is stopped, after Quarkus.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitQuietly(stopped), "debrief-database-stop"));
        int[] exitCode = {1};
        try (database) {
            database.dataDirectory().ifPresent(directory -> LocalTokens.trustIfAllowed(choice, config, directory));
            // With an exit handler Quarkus returns here instead of calling System.exit while hooks run.
            Quarkus.run(null, (code, failure) -> exitCode[0] = code, args);
        } finally {
            stopped.countDown();
        }
        // After a SIGTERM this blocks while the JVM finishes its hooks and halts (with 143); otherwise it exits.
        System.exit(exitCode[0]);
    }

    private static void awaitQuietly(CountDownLatch stopped) {
        try {
            stopped.await(DATABASE_STOP_CAP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
