package dev.debrief.bootstrap.limits;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Browsers on the configured origins (the test profile allows https://app.debrief.test) get CORS answers; others a 403 problem. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CorsTest {

    private static final String ALLOWED = "https://app.debrief.test";

    @Inject
    Sql sql;

    @Test
    void aPreflightFromAnAllowedOriginNamesTheMethodsAndHeaders() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/v1/workspaces/0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e/deals/0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8f")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Methods", "GET,POST,PUT,PATCH,DELETE")
                .header("Access-Control-Allow-Headers", "Authorization,Content-Type,If-Match,Idempotency-Key,X-Api-Key,X-Request-Id")
                .header("Access-Control-Expose-Headers", "ETag,Idempotent-Replayed,Location,Retry-After,X-Request-Id")
                .header("Access-Control-Max-Age", "3600");
    }

    @Test
    void aRequestFromAnAllowedOriginMayReadTheAnswerAndItsHeaders() {
        String ws = Api.createWorkspace();

        given().header("Origin", ALLOWED).get("/api/v1/workspaces/{ws}", ws).then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void aPreflightFromAnotherOriginIsAProblemWithoutCorsHeaders() {
        Api.problem(given().header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "DELETE")
                        .options("/api/v1/workspaces").then(), 403, "cors.origin-not-allowed")
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
    }

    @Test
    void aRequestFromAnotherOriginIsAProblemAndDoesNothing() {
        String name = "Not from here " + System.nanoTime();

        Api.problem(given().header("Origin", "https://evil.example").contentType("application/json")
                        .body(Api.workspace(name, "UTC", "EUR"))
                        .post("/api/v1/workspaces").then(), 403, "cors.origin-not-allowed")
                .header("Access-Control-Allow-Origin", nullValue());

        assertThat(sql.count("select count(*) from workspace where name = ?", name)).isZero();
    }

    @Test
    void aHostHeaderIsNoReasonToTrustAnOrigin() {
        Api.problem(given().header("Host", "evil.example").header("Origin", "http://evil.example")
                        .get("/api/v1/me").then(), 403, "cors.origin-not-allowed")
                .header("Access-Control-Allow-Origin", nullValue());
        Api.problem(given().header("Host", "evil.example").header("Origin", "http://evil.example")
                        .header("Access-Control-Request-Method", "DELETE")
                        .options("/api/v1/workspaces").then(), 403, "cors.origin-not-allowed")
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theServicesOwnPagesOnALoopbackAddressMayCallIt() {
        given().header("Host", "localhost:" + RestAssured.port).header("Origin", "http://localhost:" + RestAssured.port)
                .contentType("application/json").body(Api.workspace("From Swagger UI " + System.nanoTime(), "UTC", "EUR"))
                .post("/api/v1/workspaces").then().statusCode(201);
    }

    @Test
    void requestsWithoutOriginAreNotConcerned() {
        given().get("/api/v1/me").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue())
                .body("kind", equalTo("PERSON"));
    }
}
