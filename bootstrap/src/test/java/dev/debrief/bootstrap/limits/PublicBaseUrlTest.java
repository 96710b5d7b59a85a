package dev.debrief.bootstrap.limits;

import dev.debrief.adapter.rest.shared.PublicBaseUrl;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.nullValue;

/**
 * With DEBRIEF_PUBLIC_BASE_URL set, Location headers name the service by it, whatever Host a request
 * carried, and it is the service's own origin for CORS. Each test installs its own base URL (no restart).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PublicBaseUrlTest {

    private static final String BASE = "https://api.debrief.example";

    private static void configure(String base) {
        QuarkusMock.installMockForType(new PublicBaseUrl(Optional.of(base)), PublicBaseUrl.class);
    }

    private static String createdLocation(String host) {
        return given().header("Host", host).contentType(ContentType.JSON)
                .body(Api.workspace("Located " + System.nanoTime(), "UTC", "EUR"))
                .post("/api/v1/workspaces").then().statusCode(201).extract().header("Location");
    }

    @Test
    void locationNamesTheConfiguredBaseUrlWhateverTheHost() {
        configure(BASE);

        String location = createdLocation("evil.example");

        assertThat(location).matches(BASE + "/api/v1/workspaces/[0-9a-f-]{36}");
    }

    @Test
    void aBaseUrlWithAPathPrefixKeepsIt() {
        configure("https://gateway.debrief.example/debrief/");
        String ws = Api.createWorkspace();

        String location = given().header("Host", "evil.example").contentType(ContentType.JSON)
                .body(Map.of("name", "Key", "scopes", List.of("deals:read")))
                .post("/api/v1/workspaces/{ws}/api-keys", ws).then().statusCode(201).extract().header("Location");

        assertThat(location).startsWith("https://gateway.debrief.example/debrief/api/v1/workspaces/" + ws + "/api-keys/");
    }

    @Test
    void theConfiguredOriginIsTheServicesOwnAndAHostIsNot() {
        configure(BASE);

        given().header("Origin", BASE).contentType(ContentType.JSON)
                .body(Api.workspace("From Swagger UI " + System.nanoTime(), "UTC", "EUR"))
                .post("/api/v1/workspaces").then().statusCode(201);
        Api.problem(given().header("Host", "evil.example").header("Origin", "http://evil.example")
                        .get("/api/v1/me").then(), 403, "cors.origin-not-allowed")
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aBaseUrlMustBeAnAbsoluteHttpUrlWithoutQuery() {
        for (String wrong : List.of("api.debrief.example", "ftp://api.debrief.example", "https://api.debrief.example/?a=b",
                "https://api.debrief.example/#top", "https:///nohost")) {
            assertThatThrownBy(() -> new PublicBaseUrl(Optional.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEBRIEF_PUBLIC_BASE_URL");
        }
    }
}
