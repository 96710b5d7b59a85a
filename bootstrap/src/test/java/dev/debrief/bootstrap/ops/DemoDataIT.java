package dev.debrief.bootstrap.ops;

import dev.debrief.bootstrap.db.EmbeddedDatabase;
import dev.debrief.bootstrap.support.ServiceProcess;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code DEBRIEF_DEMO=true} as ops (or a newcomer) sets it, an environment variable of the packaged service:
 * on the embedded default it fills one demo workspace whose printed key reads it, a restart doesn't fill a
 * second, and a configured database is left alone unless asked twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataIT {

    private static final Pattern DEMO = Pattern.compile(
            "created the workspace \"Demo: Northwind Software\" \\(([0-9a-f-]{36})\\)[\\s\\S]*?(dbk_[A-Za-z0-9_-]+)");

    @TempDir
    static Path workingDirectory;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static Map<String, String> embeddedWithDemo() {
        return Map.of("DEBRIEF_DATA_DIR", workingDirectory.resolve("pgdata").toString(), "DEBRIEF_DEMO", "true");
    }

    @Test
    @Order(1)
    void fillsADemoWorkspaceThatThePrintedKeyReads() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workingDirectory, embeddedWithDemo())) {
            assertThat(service.awaitReady(Duration.ofSeconds(240))).as(service.output()).isTrue();
            Matcher demo = DEMO.matcher(service.output());
            assertThat(demo.find()).as(service.output()).isTrue();

            HttpResponse<String> lost = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                            + "/api/v1/workspaces/" + demo.group(1) + "/deals?outcome=LOST&limit=3"))
                    .header("Authorization", "Bearer " + demo.group(2)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(lost.statusCode()).as(lost.body()).isEqualTo(200);
            assertThat(lost.body()).contains("\"outcome\":\"LOST\"").contains("\"nextCursor\":\"");
        }
    }

    @Test
    @Order(2)
    void aRestartWithTheSwitchStillOnFillsNoSecondOne() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workingDirectory, embeddedWithDemo())) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as(service.output()).isTrue();
            assertThat(service.output()).contains("exists already").doesNotContain("Demo data: created");
        }
    }

    @Test
    @Order(3)
    void leavesAConfiguredDatabaseAloneUnlessAskedTwice() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(workingDirectory.resolve("own-postgres"));
             ServiceProcess service = ServiceProcess.start(workingDirectory, Map.of(
                     "DEBRIEF_DEMO", "true",
                     "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                     "QUARKUS_DATASOURCE_USERNAME", database.user(),
                     "QUARKUS_DATASOURCE_PASSWORD", database.password()))) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as(service.output()).isTrue();
            assertThat(service.output()).contains("DEBRIEF_DEMO=true is ignored on a configured database")
                    .doesNotContain("Demo data: created");
            try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                 ResultSet rows = connection.createStatement().executeQuery("select count(*) from workspace")) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }
}
