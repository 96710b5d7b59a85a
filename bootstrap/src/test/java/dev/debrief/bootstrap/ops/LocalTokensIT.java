package dev.debrief.bootstrap.ops;

import dev.debrief.bootstrap.db.EmbeddedDatabase;
import dev.debrief.bootstrap.support.ServiceProcess;
import dev.debrief.bootstrap.support.ServiceProcess.CommandRun;
import dev.debrief.bootstrap.support.Tokens;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's token on a laptop, on the packaged service: {@code token <email>} prints a token the embedded
 * default trusts; with a configured database or identity provider the command refuses in one ERROR line and
 * the service trusts no local key, even one lying in its data folder. The tests run in order on one data
 * folder: the first creates the key and a token the later ones present.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalTokensIT {

    @TempDir
    static Path workingDirectory;
    private static String aliceToken;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static Path dataDirectory() {
        return workingDirectory.resolve("pgdata");
    }

    @Test
    @Order(1)
    void aTokenFromTheTokenCommandActsAsThePersonOnTheEmbeddedDefault() throws Exception {
        Map<String, String> embedded = Map.of("DEBRIEF_DATA_DIR", dataDirectory().toString());
        try (ServiceProcess service = ServiceProcess.start(workingDirectory, embedded)) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as(service.output()).isTrue();

            CommandRun token = ServiceProcess.command(workingDirectory, embedded, "token", "Alice@Example.com");

            assertThat(token.exitCode()).as(token.stderr()).isZero();
            assertThat(token.stderr()).isEmpty();
            assertThat(token.stdout().lines().toList()).as("the token alone, for $(...)").singleElement().asString()
                    .matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            aliceToken = token.stdout().strip();
            HttpResponse<String> created = send(service, aliceToken, "POST", "/api/v1/workspaces",
                    "{\"name\":\"Alice's\",\"timeZone\":\"Europe/Berlin\",\"defaultCurrency\":\"EUR\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> me = send(service, aliceToken, "GET", "/api/v1/me", null);
            assertThat(me.body()).contains("\"kind\":\"PERSON\"").contains("\"email\":\"alice@example.com\"")
                    .contains("\"name\":\"Alice's\"").contains("\"role\":\"ADMIN\"");
            assertThat(service.output()).contains("Person tokens: the local key in");
            assertThat(Files.getPosixFilePermissions(dataDirectory().resolve("local-token-key.pem")))
                    .as("the signing key is the owner's alone").isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    @Order(2)
    void theTokenCommandRefusesInOneLineWhenADatabaseIsConfigured() throws Exception {
        CommandRun token = ServiceProcess.command(workingDirectory, Map.of(
                "DEBRIEF_DATA_DIR", dataDirectory().toString(),
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/debrief"), "token", "alice@example.com");

        assertRefusedInOneLine(token, "QUARKUS_DATASOURCE_JDBC_URL");
    }

    @Test
    @Order(3)
    void theTokenCommandRefusesInOneLineWhenAnIdentityProviderIsConfigured() throws Exception {
        CommandRun token = ServiceProcess.command(workingDirectory, Map.of(
                "DEBRIEF_DATA_DIR", dataDirectory().toString(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://login.example.com/realms/acme/protocol/openid-connect/certs"),
                "token", "alice@example.com");

        assertRefusedInOneLine(token, "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }

    @Test
    @Order(4)
    void theEmbeddedDefaultTrustsNoLocalKeyOnceAnIdentityProviderIsConfigured() throws Exception {
        Path identityProviderKey = workingDirectory.resolve("idp-public.pem");
        Files.writeString(identityProviderKey, Tokens.publicKeyPem());
        try (ServiceProcess service = ServiceProcess.start(workingDirectory, Map.of(
                "DEBRIEF_DATA_DIR", dataDirectory().toString(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", identityProviderKey.toString(),
                "DEBRIEF_OIDC_ISSUER", Tokens.ISSUER))) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as(service.output()).isTrue();

            assertThat(send(service, aliceToken, "GET", "/api/v1/me", null).statusCode())
                    .as("a token of the local key that lies in the data folder").isEqualTo(401);
            assertThat(send(service, Tokens.person("olga"), "GET", "/api/v1/me", null).statusCode())
                    .as("a token of the identity provider").isEqualTo(200);
            assertThat(service.output()).doesNotContain("Person tokens: the local key");
        }
    }

    @Test
    @Order(5)
    void aServiceOnAConfiguredDatabaseTrustsNoLocalKey() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory());
             ServiceProcess service = ServiceProcess.start(workingDirectory, Map.of(
                     "DEBRIEF_DATA_DIR", dataDirectory().toString(),
                     "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                     "QUARKUS_DATASOURCE_USERNAME", database.user(),
                     "QUARKUS_DATASOURCE_PASSWORD", database.password()))) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as(service.output()).isTrue();

            HttpResponse<String> me = send(service, aliceToken, "GET", "/api/v1/me", null);

            assertThat(me.statusCode()).as("alice is a member of this database, but her local token is no credential here")
                    .isEqualTo(401);
            assertThat(service.output()).doesNotContain("Person tokens: the local key");
        }
    }

    private static void assertRefusedInOneLine(CommandRun run, String setting) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).as("no token").isEmpty();
        assertThat(run.stderr().lines().toList()).singleElement().asString()
                .contains("ERROR").contains("embedded default only").contains(setting);
    }

    private HttpResponse<String> send(ServiceProcess service, String token, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
