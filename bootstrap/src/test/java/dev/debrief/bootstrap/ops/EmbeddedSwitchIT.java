package dev.debrief.bootstrap.ops;

import dev.debrief.bootstrap.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded-database switch as ops set it: an environment variable of the packaged service's own
 * process (a system property in the test's JVM would prove nothing about how variables map to keys).
 */
class EmbeddedSwitchIT {

    @TempDir
    Path workingDirectory;

    @Test
    void refusesToStartWithoutADatabaseUrlWhenDebriefEmbeddedDbIsFalse() throws Exception {
        Path dataDirectory = workingDirectory.resolve("pgdata");
        try (ServiceProcess service = ServiceProcess.start(workingDirectory,
                Map.of("DEBRIEF_EMBEDDED_DB", "false", "DEBRIEF_DATA_DIR", dataDirectory.toString()))) {
            OptionalInt exit = service.awaitExit(Duration.ofSeconds(60));

            assertThat(exit).as("the service must end on its own; it printed:%n%s", service.output()).isPresent();
            assertThat(exit.getAsInt()).isNotZero();
            List<String> lines = service.output().lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines).as("one ERROR line that says what to set, nothing else").hasSize(1);
            assertThat(lines.get(0)).contains("ERROR").contains("QUARKUS_DATASOURCE_JDBC_URL").contains("DEBRIEF_EMBEDDED_DB=false");
            assertThat(dataDirectory).as("no embedded PostgreSQL was initialised").doesNotExist();
        }
    }

    @Test
    void startsTheEmbeddedDatabaseWhenNothingIsConfigured() throws Exception {
        Path dataDirectory = workingDirectory.resolve("pgdata");
        try (ServiceProcess service = ServiceProcess.start(workingDirectory,
                Map.of("DEBRIEF_DATA_DIR", dataDirectory.toString()))) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as(service.output()).isTrue();
            assertThat(service.output()).contains("Database: embedded PostgreSQL on 127.0.0.1:")
                    .as("the laptop default listens on this machine only").contains("Listening on: http://127.0.0.1:");
            assertThat(Files.exists(dataDirectory.resolve("PG_VERSION"))).isTrue();
            service.terminate();
            // The JVM ends a SIGTERM'd process with 128 + 15 once its shutdown hooks are done.
            assertThat(service.awaitExit(Duration.ofSeconds(30))).as(service.output()).hasValue(143);
        }
    }

    @Test
    void listensWhereOpsSayEvenOnTheEmbeddedDatabase() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workingDirectory,
                Map.of("DEBRIEF_DATA_DIR", workingDirectory.resolve("pgdata").toString(), "QUARKUS_HTTP_HOST", "0.0.0.0"))) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as(service.output()).isTrue();
            assertThat(service.output()).contains("Listening on: http://0.0.0.0:");
        }
    }
}
