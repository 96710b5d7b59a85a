package dev.debrief.bootstrap;

import dev.debrief.bootstrap.support.AuthenticateAsAlice;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.debrief.bootstrap.RequestIdLoggingTest.awaitLogLineContaining;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets sent in a URL by mistake are refused (a query parameter is no credential), and the access log
 * doesn't keep them: credential-named query parameters, API-key-shaped and JWT-shaped values are redacted.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AccessLogRedactionTest {

    private static final String KEY = "dbk_abcdefgh_" + "S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3tA";

    @Test
    @SendsInvalidInput
    void credentialsInTheQueryAreRedactedInTheAccessLog() throws Exception {
        String id = "redact-" + UUID.randomUUID();
        String token = Tokens.person("tess");

        given().header(AuthenticateAsAlice.ANONYMOUS, "true").header("X-Request-Id", id).urlEncodingEnabled(false)
                .get("/api/v1/me?api_key=" + KEY + "&access_token=" + token + "&limit=10")
                .then().statusCode(401);

        String line = awaitLogLineContaining(id);
        assertThat(line).contains("/api/v1/me?").contains("limit=10").contains(" 401 ")
                .doesNotContain("S3cr3t").doesNotContain(token).doesNotContain(token.split("\\.")[2]);
        assertThat(line).contains("api_key=[redacted]").contains("access_token=[redacted]");
    }

    @Test
    void keyShapedValuesAreRedactedWhateverTheirName() throws Exception {
        String id = "redact-" + UUID.randomUUID();

        given().header("X-Request-Id", id).urlEncodingEnabled(false)
                .get("/api/v1/workspaces/" + UUID.randomUUID() + "/deals?q=" + KEY).then().statusCode(404);
        String line = awaitLogLineContaining(id);

        assertThat(line).contains("/deals?q=dbk_[redacted]").doesNotContain("S3cr3t");
    }

    @Test
    @SendsInvalidInput
    void keyShapedPathSegmentsAreRedactedToo() throws Exception {
        String id = "redact-" + UUID.randomUUID();

        given().header("X-Request-Id", id).get("/api/v1/" + KEY).then().statusCode(404);
        String line = awaitLogLineContaining(id);

        assertThat(line).contains("/api/v1/dbk_[redacted]").doesNotContain("S3cr3t");
    }
}
