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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged service on one PostgreSQL, as ops runs them: a key revoked on one is refused
 * by the other as soon as the change is heard (LISTEN/NOTIFY), although the other had it cached from a
 * request a moment before. The README promises milliseconds and bounds it at 60 s; this test allows 3 s.
 */
class KeyRevocationAcrossInstancesIT {

    @TempDir
    Path workingDirectory;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedByTheOtherWithinSeconds() throws Exception {
        Path a = Files.createDirectories(workingDirectory.resolve("a"));
        Path b = Files.createDirectories(workingDirectory.resolve("b"));
        try (EmbeddedDatabase database = EmbeddedDatabase.start(workingDirectory.resolve("pgdata"))) {
            Map<String, String> environment = Map.of(
                    "DEBRIEF_EMBEDDED_DB", "false",
                    "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "QUARKUS_DATASOURCE_USERNAME", database.user(),
                    "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                    "MP_JWT_VERIFY_PUBLICKEY", Tokens.publicKeyPem(),
                    "MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
            try (ServiceProcess first = ServiceProcess.start(a, environment)) {
                assertThat(first.awaitReady(Duration.ofSeconds(120))).as(first.output()).isTrue();
                try (ServiceProcess second = ServiceProcess.start(b, environment)) {
                    assertThat(second.awaitReady(Duration.ofSeconds(120))).as(second.output()).isTrue();
                    String token = Tokens.person("olga");
                    HttpResponse<String> created = send(first, "Bearer " + token, "POST", "/api/v1/workspaces",
                            "{\"name\":\"Two instances\",\"timeZone\":\"Europe/Berlin\",\"defaultCurrency\":\"EUR\"}");
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                    String workspace = "/api/v1/workspaces/" + field(created.body(), "id");
                    HttpResponse<String> issued = send(first, "Bearer " + token, "POST", workspace + "/api-keys",
                            "{\"name\":\"CRM\",\"scopes\":[\"deals:read\"]}");
                    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
                    String key = "Bearer " + field(issued.body(), "secret");

                    for (int i = 0; i < 3; i++) { // the second instance now has the key in memory
                        assertThat(send(second, key, "GET", workspace + "/deals", null).statusCode()).isEqualTo(200);
                    }
                    HttpResponse<String> revoked = send(first, "Bearer " + token, "DELETE",
                            workspace + "/api-keys/" + field(issued.body(), "id"), null);
                    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
                    assertThat(send(first, key, "GET", workspace + "/deals", null).statusCode())
                            .as("at once on the instance that revoked it").isEqualTo(401);

                    long start = System.nanoTime();
                    int status = 200;
                    while (status == 200 && System.nanoTime() - start < Duration.ofSeconds(3).toNanos()) {
                        status = send(second, key, "GET", workspace + "/deals", null).statusCode();
                    }
                    assertThat(status).as("the other instance refuses the revoked key within 3 s").isEqualTo(401);
                }
            }
        }
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(value.find()).as(json).isTrue();
        return value.group(1);
    }

    private HttpResponse<String> send(ServiceProcess service, String authorization, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
