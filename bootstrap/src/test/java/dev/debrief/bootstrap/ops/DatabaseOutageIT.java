package dev.debrief.bootstrap.ops;

import dev.debrief.bootstrap.db.EmbeddedDatabase;
import dev.debrief.bootstrap.support.ServiceProcess;
import dev.debrief.bootstrap.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hung database (its PostgreSQL stopped with SIGSTOP, as a frozen VM or a dead network looks) under
 * the packaged service: API calls are answered 503 database.unavailable with Retry-After, the first one
 * after at most the acquisition and socket timeouts, the next ones at once; one WARN when it goes, one INFO when it is
 * back, no stack traces; and after SIGCONT the service recovers by itself.
 */
class DatabaseOutageIT {

    private static final int SOCKET_TIMEOUT_SECONDS = 8;

    @TempDir
    Path workingDirectory;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void answers503DuringAHungDatabaseAndRecoversWithoutARestart() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(workingDirectory.resolve("pgdata"));
             ServiceProcess service = ServiceProcess.start(workingDirectory, Map.of(
                     "DEBRIEF_EMBEDDED_DB", "false",
                     "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                     "QUARKUS_DATASOURCE_USERNAME", database.user(),
                     "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                     "DEBRIEF_DB_SOCKET_TIMEOUT", Integer.toString(SOCKET_TIMEOUT_SECONDS),
                     "MP_JWT_VERIFY_PUBLICKEY", Tokens.publicKeyPem(),
                     "MP_JWT_VERIFY_ISSUER", Tokens.ISSUER))) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as(service.output()).isTrue();
            String token = Tokens.person("olga");
            HttpResponse<String> created = send(service, token, "POST", "/api/v1/workspaces",
                    "{\"name\":\"Outage\",\"timeZone\":\"Europe/Berlin\",\"defaultCurrency\":\"EUR\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
            assertThat(id.find()).isTrue();
            String workspace = "/api/v1/workspaces/" + id.group(1);

            List<Long> postgres = processesOf(workingDirectory.resolve("pgdata"));
            signal("-STOP", postgres);
            try {
                long asked = System.nanoTime();
                HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
                assertThat((System.nanoTime() - asked) / 1_000_000).as("readiness answers while the database hangs").isLessThan(4000);

                long start = System.nanoTime();
                HttpResponse<String> first = send(service, token, "GET", workspace, null);
                long firstMillis = (System.nanoTime() - start) / 1_000_000;
                assertUnavailable(first);
                assertThat(firstMillis).as("the first answer comes within the acquisition timeout (5 s), the socket timeout and a margin")
                        .isLessThan((5 + SOCKET_TIMEOUT_SECONDS + 3) * 1000L);

                start = System.nanoTime();
                HttpResponse<String> next = send(service, token, "POST", workspace + "/deals", "{\"name\":\"During\"}");
                assertUnavailable(next);
                assertThat((System.nanoTime() - start) / 1_000_000).as("once it is known down, at once").isLessThan(1000);
            } finally {
                signal("-CONT", postgres);
            }

            long back = System.nanoTime();
            int status = 0;
            while (status != 200 && System.nanoTime() - back < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(250);
                status = send(service, token, "GET", workspace, null).statusCode();
            }
            assertThat(status).as("recovers without a restart").isEqualTo(200);
            assertThat(send(service, token, "POST", workspace + "/deals", "{\"name\":\"After\"}").statusCode()).isEqualTo(201);

            String log = service.output();
            assertThat(Pattern.compile("WARN .*The database is unavailable").matcher(log).results().count()).isEqualTo(1);
            assertThat(Pattern.compile("INFO .*The database is reachable again").matcher(log).results().count()).isEqualTo(1);
            assertThat(log).as("no stack traces").doesNotContain("\tat ").doesNotContain("internal.error");
        }
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"database.unavailable\"");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> send(ServiceProcess service, String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The postmaster named in postmaster.pid and every backend it started. */
    private static List<Long> processesOf(Path dataDirectory) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }
}
