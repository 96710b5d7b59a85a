package dev.debrief.bootstrap.access;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A request names one caller. X-Api-Key next to an Authorization header that says something else (garbage,
 * a revoked key, another workspace's key, a person's token) is a 401 problem, whichever of the two is valid;
 * the same key in both headers is one credential and is accepted.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ConflictingCredentialsTest {

    private static final String CONFLICT = "auth.conflicting-credentials";

    private static void conflicting(String apiKey, String authorization) {
        Api.problem(given().header("X-Api-Key", apiKey).header("Authorization", authorization)
                        .get("/api/v1/me").then(), 401, CONFLICT)
                .header("WWW-Authenticate", "Bearer realm=\"debrief\"");
    }

    @Test
    void aValidKeyNextToGarbageInAuthorizationIsRefused() {
        String key = Api.createApiKey(Api.createWorkspace(), "deals:read");

        conflicting(key, "Bearer not-a-token");
        conflicting(key, "Basic YWxpY2U6c2VjcmV0");
    }

    @Test
    void aValidKeyNextToARevokedKeyIsRefused() {
        String ws = Api.createWorkspace();
        String key = Api.createApiKey(ws, "deals:read");
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Revoked", "scopes", List.of("deals:read")))
                .post("/api/v1/workspaces/{ws}/api-keys", ws).then().statusCode(201).extract();
        String revoked = created.path("secret");
        given().delete("/api/v1/workspaces/{ws}/api-keys/{id}", ws, created.<String>path("id")).then().statusCode(200);

        conflicting(key, "Bearer " + revoked);
        conflicting(revoked, "Bearer " + key);
    }

    @Test
    void keysOfTwoWorkspacesInOneRequestAreRefused() {
        String mine = Api.createApiKey(Api.createWorkspace(), "deals:read");
        String theirs = Api.createApiKey(Api.createWorkspace(), "deals:read");

        conflicting(mine, "Bearer " + theirs);
    }

    @Test
    void aKeyNextToAPersonsTokenIsRefused() {
        String key = Api.createApiKey(Api.createWorkspace(), "deals:read");

        conflicting(key, "Bearer " + Tokens.person("tess"));
    }

    @Test
    void twoApiKeyHeadersAreRefused() {
        String key = Api.createApiKey(Api.createWorkspace(), "deals:read");
        String other = Api.createApiKey(Api.createWorkspace(), "deals:read");

        Api.problem(given().header("X-Api-Key", key).header("X-Api-Key", other).get("/api/v1/me").then(), 401, CONFLICT);
    }

    @Test
    void theSameKeyInBothHeadersIsOneCredential() {
        String ws = Api.createWorkspace();
        String key = Api.createApiKey(ws, "deals:read");

        given().header("X-Api-Key", key).header("Authorization", "Bearer " + key).get("/api/v1/me").then()
                .statusCode(200).body("kind", equalTo("API_KEY"));
    }
}
