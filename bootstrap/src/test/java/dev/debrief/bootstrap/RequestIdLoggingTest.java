package dev.debrief.bootstrap;

import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The request id a response carries is in the log lines of that request. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RequestIdLoggingTest {

    static final Path LOG = Path.of("target", "quarkus-test.log");

    @Test
    void theCallersRequestIdIsInTheLogOfItsRequest() throws Exception {
        String id = "trace-" + UUID.randomUUID();
        given().header("X-Request-Id", id).get("/api/v1/workspaces/" + UUID.randomUUID())
                .then().statusCode(404).header("X-Request-Id", id);
        assertThat(awaitLogLineContaining(id)).contains("/api/v1/workspaces/").contains(" 404 ");
    }

    @Test
    void aGeneratedRequestIdIsInTheLogToo() throws Exception {
        String id = given().get("/q/health/live").then().statusCode(200).extract().header("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(awaitLogLineContaining(id)).contains("/q/health/live");
    }

    static String awaitLogLineContaining(String text) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (Files.exists(LOG)) {
                for (String line : Files.readAllLines(LOG)) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line in " + LOG + " contains " + text);
    }
}
