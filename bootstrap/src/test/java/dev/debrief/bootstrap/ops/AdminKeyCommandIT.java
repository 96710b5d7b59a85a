package dev.debrief.bootstrap.ops;

import dev.debrief.bootstrap.support.ServiceProcess;
import dev.debrief.bootstrap.support.ServiceProcess.CommandRun;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lost first key, on the packaged service: {@code admin-key <workspace id or name>} prints a new admin key
 * beside the running service and while it is stopped; it refuses in one ERROR line what it can't do. The tests
 * run in order on one data folder.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminKeyCommandIT {

    private static final Pattern KEY = Pattern.compile("dbk_[A-Za-z0-9_-]+");
    private static final Pattern FIRST_WORKSPACE = Pattern.compile("created the workspace \"My workspace\" \\(([0-9a-f-]{36})\\)");

    @TempDir
    static Path workingDirectory;
    private static String firstKey;
    private static String workspaceId;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static Map<String, String> embedded() {
        return Map.of("DEBRIEF_DATA_DIR", workingDirectory.resolve("pgdata").toString());
    }

    @Test
    @Order(1)
    void printsANewAdminKeyBesideTheRunningService() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workingDirectory, embedded())) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as(service.output()).isTrue();
            Matcher first = KEY.matcher(service.output());
            Matcher workspace = FIRST_WORKSPACE.matcher(service.output());
            assertThat(first.find() && workspace.find()).as(service.output()).isTrue();
            firstKey = first.group();
            workspaceId = workspace.group(1);

            CommandRun run = ServiceProcess.command(workingDirectory, embedded(), "admin-key", "my workspace");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout().lines().toList()).as("the key alone, for $(...)").singleElement().asString().matches(KEY);
            assertThat(run.stderr()).contains("My workspace").contains(workspaceId);
            String newKey = run.stdout().strip();
            assertThat(newKey).isNotEqualTo(firstKey);
            assertMayAdminister(service, newKey);
            assertMayAdminister(service, firstKey);
        }
    }

    @Test
    @Order(2)
    void refusesAWorkspaceNobodyHasInOneLine() throws Exception {
        CommandRun run = ServiceProcess.command(workingDirectory, embedded(), "admin-key", "Globex");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().lines().toList()).singleElement().asString()
                .contains("ERROR").contains("No workspace has the id or the name 'Globex'");
    }

    @Test
    @Order(3)
    void printsANewAdminKeyWhileTheServiceIsStoppedAndFreesTheFolderAfterwards() throws Exception {
        CommandRun run = ServiceProcess.command(workingDirectory, embedded(), "admin-key", workspaceId);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String newKey = run.stdout().strip();
        assertThat(newKey).matches(KEY);
        assertThat(workingDirectory.resolve("pgdata").resolve("postmaster.pid")).as("the PostgreSQL it started is stopped")
                .doesNotExist();
        try (ServiceProcess service = ServiceProcess.start(workingDirectory, embedded())) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as("the service starts on the folder: " + service.output())
                    .isTrue();
            assertMayAdminister(service, newKey);
        }
    }

    @Test
    @Order(4)
    void refusesInOneLineWhenADatabaseIsConfigured() throws Exception {
        CommandRun run = ServiceProcess.command(workingDirectory, Map.of(
                "DEBRIEF_DATA_DIR", workingDirectory.resolve("pgdata").toString(),
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/debrief"), "admin-key", workspaceId);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().lines().toList()).singleElement().asString()
                .contains("ERROR").contains("embedded default only").contains("QUARKUS_DATASOURCE_JDBC_URL");
    }

    @Test
    @Order(5)
    void refusesInOneLineBeforeTheServiceHasEverStarted() throws Exception {
        Path empty = Files.createDirectories(workingDirectory.resolve("never-started"));

        CommandRun run = ServiceProcess.command(workingDirectory, Map.of("DEBRIEF_DATA_DIR", empty.toString()),
                "admin-key", "My workspace");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().lines().toList()).singleElement().asString()
                .contains("ERROR").contains("no embedded database in").contains("start the service once");
        try (var entries = Files.list(empty)) {
            assertThat(entries).as("nothing initialised").isEmpty();
        }
    }

    private void assertMayAdminister(ServiceProcess service, String key) throws Exception {
        HttpResponse<String> keys = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                        + "/api/v1/workspaces/" + workspaceId + "/api-keys")).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(keys.statusCode()).as(keys.body()).isEqualTo(200);
    }
}
