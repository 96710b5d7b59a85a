package dev.debrief.bootstrap.errors;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

/**
 * Errors that no resource method raises itself: the path, method, media types or body don't fit
 * any operation. They are problem+json with a stable code like every other error.
 */
@QuarkusTest
@SendsInvalidInput
@WithTestResource(EmbeddedPostgresResource.class)
class HttpErrorsTest {

    @Inject
    Sql sql;

    @Test
    void answersAnUnknownPathWithResourceNotFound() {
        Api.problem(given().get("/nope").then(), 404, "resource.not-found");
        Api.problem(given().get("/api/v1/nope").then(), 404, "resource.not-found");
    }

    @Test
    void answersAnUnsupportedMethodWithMethodNotAllowed() {
        String id = Api.createWorkspace();

        Api.problem(given().delete("/api/v1/workspaces/{id}", id).then(), 405, "method.not-allowed");

        assertThat(sql.count("select count(*) from workspace where id = ?", id)).isEqualTo(1);
    }

    @Test
    void answersAnUnacceptableAcceptHeaderWithNotAcceptable() {
        String id = Api.createWorkspace();

        Api.problem(given().accept("text/csv").get("/api/v1/workspaces/{id}", id).then(), 406,
                "media-type.not-acceptable").body("errors.field", contains("Accept"));
    }

    @Test
    void answersAnUnsupportedContentTypeWithUnsupportedMediaType() {
        long before = sql.count("select count(*) from workspace");

        Api.problem(given().contentType(ContentType.TEXT).body("name=Acme")
                .post("/api/v1/workspaces").then(), 415, "media-type.unsupported")
                .body("errors.field", contains("Content-Type"));

        assertThat(sql.count("select count(*) from workspace")).isEqualTo(before);
    }

    @Test
    void answersAMalformedBodyWithBodyMalformed() {
        long before = sql.count("select count(*) from workspace");

        Api.problem(given().contentType(ContentType.JSON).body("{\"name\": \"Acme\"")
                .post("/api/v1/workspaces").then(), 400, "body.malformed")
                .body("errors.field", contains("body"));

        assertThat(sql.count("select count(*) from workspace")).isEqualTo(before);
    }
}
