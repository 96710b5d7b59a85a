package dev.debrief.bootstrap.limits;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.AuthenticateAsAlice;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Every answer, from any layer, says nosniff and may not be framed; API answers are never stored by a cache
 * (an API key's creation answer carries its secret); Swagger UI gets a policy that allows exactly what it loads.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SecurityHeadersTest {

    private static ValidatableResponse hardened(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    private static ValidatableResponse notStored(ValidatableResponse response) {
        return hardened(response).header("Cache-Control", "no-store");
    }

    @Test
    void anApiKeysCreationAnswerIsNeverStored() {
        String ws = Api.createWorkspace();

        notStored(given().contentType("application/json").body(Map.of("name", "CRM", "scopes", List.of("deals:read")))
                .post("/api/v1/workspaces/{ws}/api-keys", ws).then().statusCode(201));
    }

    @Test
    void apiAnswersAreNeverStoredAndMayNotBeFramed() {
        notStored(given().get("/api/v1/me").then().statusCode(200))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    @SendsInvalidInput
    void errorAnswersOfEveryLayerCarryTheHeadersToo() {
        notStored(Api.problem(given().header(AuthenticateAsAlice.ANONYMOUS, "yes").get("/api/v1/me").then(), 401, "auth.unauthenticated"));
        notStored(Api.problem(given().get("/api/v1/workspaces/{ws}", UUID.randomUUID()).then(), 404, "workspace.not-found"));
        notStored(Api.problem(given().header("Origin", "https://evil.example").get("/api/v1/me").then(), 403, "cors.origin-not-allowed"));
        hardened(given().get("/api/v1/no-such-thing").then().statusCode(404));
        hardened(given().get("/nothing-here").then().statusCode(404));
    }

    @Test
    void theContractAndHealthAreHardenedToo() {
        hardened(given().get("/q/openapi").then().statusCode(200));
        hardened(given().get("/q/health/live").then().statusCode(200));
    }

    @Test
    void swaggerUiMayNotBeFramedAndItsPolicyAllowsWhatItLoads() throws Exception {
        ValidatableResponse page = hardened(given().get("/q/swagger-ui/").then().statusCode(200));
        String policy = page.extract().header("Content-Security-Policy");
        String html = page.extract().asString();

        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int inline = 0;
        while (scripts.find()) {
            Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(scripts.group(1));
            if (src.find()) {
                assertThat(src.group(1)).as("scripts come from the service itself").doesNotContain("//");
                given().get(resolve(src.group(1))).then().statusCode(200).header("X-Content-Type-Options", "nosniff");
            } else {
                inline++;
                String hash = "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(scripts.group(2).getBytes(StandardCharsets.UTF_8))) + "'";
                assertThat(policy).as("the policy allows the page's inline script %s (SecurityHeaders.SWAGGER_UI_SCRIPTS)",
                        scripts.group(2)).contains(hash);
            }
        }
        assertThat(inline).isPositive();
        Matcher links = Pattern.compile("<link[^>]*href=\"([^\"]+)\"").matcher(html);
        while (links.find()) {
            assertThat(links.group(1)).as("stylesheets and icons come from the service itself").doesNotContain("//");
        }
        assertThat(policy).contains("script-src 'self'").contains("connect-src 'self'")
                .doesNotContain("'unsafe-eval'").doesNotContain("script-src 'self' 'unsafe-inline'");
    }

    private static String resolve(String src) {
        return src.startsWith("/") ? src : "/q/swagger-ui/" + src;
    }
}
