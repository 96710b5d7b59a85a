package dev.debrief.bootstrap.errors;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Every answer names its request: the caller's X-Request-Id when usable, a new one otherwise. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RequestIdTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void echoesTheCallersRequestIdInTheHeaderAndTheProblem() {
        Api.problem(given().header("X-Request-Id", "my-trace-123")
                        .get("/api/v1/workspaces/{id}", UUID.randomUUID()).then(), 404, "workspace.not-found")
                .header("X-Request-Id", equalTo("my-trace-123"))
                .body("instance", endsWith("my-trace-123"));
    }

    @Test
    void echoesTheCallersRequestIdOnSuccessfulAnswersToo() {
        String id = Api.createWorkspace();

        given().header("X-Request-Id", "my-trace-456").get("/api/v1/workspaces/{id}", id)
                .then().statusCode(200).header("X-Request-Id", equalTo("my-trace-456"));
    }

    @Test
    void generatesARequestIdWhenTheCallerSendsNone() {
        ExtractableResponse<Response> first = Api.problem(given().get("/api/v1/workspaces/{id}", UUID.randomUUID())
                .then(), 404, "workspace.not-found").extract();
        ExtractableResponse<Response> second = Api.problem(given().get("/api/v1/workspaces/{id}", UUID.randomUUID())
                .then(), 404, "workspace.not-found").extract();

        String firstId = first.header("X-Request-Id");
        assertThat(firstId).matches(UUID_PATTERN);
        assertThat((String) first.path("instance")).endsWith(":" + firstId);
        assertThat(second.header("X-Request-Id")).matches(UUID_PATTERN).isNotEqualTo(firstId);
        assertThat((String) second.path("instance")).endsWith(":" + second.header("X-Request-Id"));
    }

    @Test
    void replacesARequestIdItCannotUse() {
        String unusable = "trace id with spaces and <markup>";

        String given = Api.problem(given().header("X-Request-Id", unusable)
                        .get("/api/v1/workspaces/{id}", UUID.randomUUID()).then(), 404, "workspace.not-found")
                .extract().header("X-Request-Id");

        assertThat(given).isNotEqualTo(unusable).matches(UUID_PATTERN);
    }
}
