package dev.debrief.bootstrap.access;

import dev.debrief.bootstrap.support.AuthenticateAsAlice;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** People authenticate with real tokens, verified by the running service; anything else is a 401 problem. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AuthenticationTest {

    @Test
    void aValidTokenIdentifiesThePerson() {
        given().header("Authorization", "Bearer " + Tokens.person("tess")).get("/api/v1/me").then().statusCode(200)
                .body("kind", equalTo("PERSON"))
                .body("issuer", equalTo(Tokens.ISSUER))
                .body("subject", equalTo("sub-tess"))
                .body("email", equalTo("tess@example.com"))
                .body("workspaces", hasSize(0));
    }

    @Test
    void noCredentialsIsA401ProblemWithAChallenge() {
        given().header(AuthenticateAsAlice.ANONYMOUS, "true").get("/api/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"debrief\"")
                .contentType("application/problem+json")
                .body("code", equalTo("auth.unauthenticated"));
    }

    static Stream<Arguments> badTokens() {
        long now = System.currentTimeMillis() / 1000;
        String valid = Tokens.person("mallory");
        String[] parts = valid.split("\\.");
        String tamperedPayload = base64("{\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"debrief\",\"sub\":\"sub-alice\",\"exp\":" + (now + 600) + "}");
        return Stream.of(
                Arguments.of("malformed", "not-a-jwt"),
                Arguments.of("expired", Tokens.person("mallory", c -> c.issuedAt(now - 7200).expiresAt(now - 3600))),
                Arguments.of("not yet valid", Tokens.person("mallory", c -> c.claim("nbf", now + 3600).issuedAt(now + 3600).expiresAt(now + 7200))),
                Arguments.of("issued an hour in the future", Tokens.person("mallory", c -> c.issuedAt(now + 3600).expiresAt(now + 7200))),
                Arguments.of("issued beyond the clock skew", Tokens.person("mallory", c -> c.issuedAt(now + 90).expiresAt(now + 600))),
                Arguments.of("wrong issuer", Tokens.person("mallory", c -> c.issuer("https://evil.example.com"))),
                Arguments.of("no subject", Tokens.person("mallory", c -> c.subject(null).upn("mallory@example.com"))),
                Arguments.of("wrong audience", Tokens.person("mallory", c -> c.audience("someone-else"))),
                Arguments.of("alg none", base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."),
                Arguments.of("tampered payload", parts[0] + "." + tamperedPayload + "." + parts[2]),
                Arguments.of("tampered signature", parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA"),
                Arguments.of("signed by another key", Tokens.personSignedByAnotherKey("mallory")),
                Arguments.of("unknown API key", "dbk_abcdefgh_" + "A".repeat(43)),
                Arguments.of("API key shaped garbage", "dbk_short"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void rejectsTokensThatDoNotVerify(String kind, String token) {
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"debrief\"")
                .contentType("application/problem+json")
                .body("code", equalTo("auth.unauthenticated"));
    }

    @Test
    void aTokenIssuedWithinTheClockSkewOfNowIsAccepted() {
        long now = System.currentTimeMillis() / 1000;
        String slightlyAhead = Tokens.person("tess", c -> c.issuedAt(now + 10).expiresAt(now + 600));

        given().header("Authorization", "Bearer " + slightlyAhead).get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("sub-tess"));
    }

    @Test
    void healthAndTheContractNeedNoCredentials() {
        given().header(AuthenticateAsAlice.ANONYMOUS, "true").get("/q/health/ready").then().statusCode(200);
        given().header(AuthenticateAsAlice.ANONYMOUS, "true").get("/q/openapi").then().statusCode(200);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
