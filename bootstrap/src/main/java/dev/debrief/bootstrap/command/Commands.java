package dev.debrief.bootstrap.command;

import dev.debrief.bootstrap.db.DatabaseChoice;
import dev.debrief.bootstrap.db.EmbeddedDatabase;
import dev.debrief.bootstrap.db.StartupRefused;
import dev.debrief.bootstrap.token.LocalTokens;
import io.quarkus.runtime.Quarkus;
import io.smallrye.config.SmallRyeConfig;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What {@code java -jar quarkus-run.jar <command>} does on a laptop, on the embedded default only:
 * <ul>
 * <li>{@code token <email>}: prints a person's token signed by the local key ({@link LocalTokens}),
 * beside the running service (it reads only the key file);</li>
 * <li>{@code admin-key <workspace id or name>}: prints a new admin API key for a workspace (a lost
 * first key), beside the running service (through its PostgreSQL) or while it is stopped (starting
 * the embedded PostgreSQL for the moment; {@link EmbeddedDatabase#startOrJoin}).</li>
 * </ul>
 * The result goes to stdout alone, so {@code $(...)} captures it; a refusal is one ERROR line on
 * stderr and exit status 1, a wrong usage exit status 2.
 */
public final class Commands {

    static final String TOKEN = "token";
    static final String ADMIN_KEY = "admin-key";
    private static final Set<String> NAMES = Set.of(TOKEN, ADMIN_KEY);
    private static final String JAR = "java -jar bootstrap/target/quarkus-app/quarkus-run.jar ";

    private Commands() {
    }

    public static boolean isCommand(String... args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /** Runs the command; returns the exit status. */
    public static int run(String... args) {
        if (args.length != 2 || args[1].isBlank()) {
            new StartupRefused("Usage: " + JAR + TOKEN + " <email> | " + JAR + ADMIN_KEY + " <workspace id or name>").printErrorLine();
            return 2;
        }
        SmallRyeConfig config = DatabaseChoice.config(DatabaseChoice.activeProfile(), Thread.currentThread().getContextClassLoader());
        DatabaseChoice choice = DatabaseChoice.from(config);
        try {
            return args[0].equals(TOKEN) ? token(choice, config, args[1]) : adminKey(choice, args[1]);
        } catch (StartupRefused refused) {
            refused.printErrorLine();
            return 1;
        }
    }

    private static int token(DatabaseChoice choice, SmallRyeConfig config, String email) {
        System.out.println(LocalTokens.sign(choice, config, email, Instant.now()));
        return 0;
    }

    private static int adminKey(DatabaseChoice choice, String workspace) {
        String only = "The admin-key command is for the embedded default only, and this configuration ";
        if (choice.configuredUrl().isPresent()) {
            throw new StartupRefused(only + "names a database (QUARKUS_DATASOURCE_JDBC_URL): there, a workspace ADMIN "
                    + "creates keys (POST /api/v1/workspaces/{workspaceId}/api-keys)");
        }
        if (!choice.embeddedAllowed()) {
            throw new StartupRefused(only + "switches it off (DEBRIEF_EMBEDDED_DB=false)");
        }
        int[] exitCode = {1};
        try (EmbeddedDatabase database = EmbeddedDatabase.startOrJoin(choice.embeddedDataDirectory())) {
            quietQuarkusOn(database);
            Quarkus.run(AdminKeyCommand.class, (code, failure) -> exitCode[0] = code, workspace);
        }
        return exitCode[0];
    }

    /** Quarkus for one use case: on that database, no HTTP listener, no jobs, warnings only, no banner, no delay. */
    private static void quietQuarkusOn(EmbeddedDatabase database) {
        Map.of(DatabaseChoice.URL_KEY, database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                "quarkus.datasource.jdbc.max-size", "2",
                "quarkus.http.host-enabled", "false",
                "quarkus.scheduler.enabled", "false",
                "quarkus.log.level", "WARN",
                "quarkus.banner.enabled", "false",
                "quarkus.shutdown.delay-enabled", "false",
                "debrief.shutdown.delay", "0s").forEach(System::setProperty);
    }
}
