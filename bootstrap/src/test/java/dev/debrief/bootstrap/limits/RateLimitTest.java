package dev.debrief.bootstrap.limits;

import dev.debrief.adapter.rest.access.RateLimiter;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Each API key and each person gets debrief.rate-limit.per-minute requests a minute; the next is a
 * 429 problem with Retry-After. Every request of the suite comes from the same person (alice), so
 * the test profile's limit is out of reach; here the application's limiter is swapped, for each test
 * only, for one with a small limit and a clock the test moves (no restart).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RateLimitTest {

    private static final int LIMIT = 5;

    private final MovableClock clock = new MovableClock();
    private RateLimiter limiter;

    @BeforeEach
    void smallLimit() {
        limiter = new RateLimiter(LIMIT, clock);
        QuarkusMock.installMockForType(limiter, RateLimiter.class);
    }

    private static void spend(String authorization, int requests) {
        for (int i = 0; i < requests; i++) {
            given().header("Authorization", authorization).get("/api/v1/me").then().statusCode(200);
        }
    }

    private static String refused(String authorization) {
        return Api.problem(given().header("Authorization", authorization).get("/api/v1/me").then(),
                429, "rate-limit.exceeded").extract().header("Retry-After");
    }

    @Test
    void aKeyOverTheLimitIsRefusedWithRetryAfterWhileAnotherKeyGoesOn() {
        String ws = Api.createWorkspace();
        String key = "Bearer " + Api.createApiKey(ws, "deals:read");
        String otherKey = "Bearer " + Api.createApiKey(ws, "deals:read");

        spend(key, LIMIT);
        clock.move(Duration.ofSeconds(15));

        assertThat(refused(key)).isEqualTo("45");
        given().header("Authorization", otherKey).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void everyAnswerSaysHowManyRequestsAreLeftAndWhenTheMinuteStartsAgain() {
        String ws = Api.createWorkspace();
        String key = "Bearer " + Api.createApiKey(ws, "deals:read");

        given().header("Authorization", key).get("/api/v1/me").then().statusCode(200)
                .header("RateLimit-Limit", "5").header("RateLimit-Remaining", "4").header("RateLimit-Reset", "60");
        clock.move(Duration.ofSeconds(20));
        spend(key, LIMIT - 2);
        given().header("Authorization", key).get("/api/v1/me").then().statusCode(200)
                .header("RateLimit-Remaining", "0").header("RateLimit-Reset", "40");
        given().header("Authorization", key).get("/api/v1/me").then().statusCode(429)
                .header("RateLimit-Remaining", "0").header("Retry-After", "40");
    }

    @Test
    void aKeyGoesOnWhenItsMinuteIsOver() {
        String ws = Api.createWorkspace();
        String key = "Bearer " + Api.createApiKey(ws, "deals:read");
        spend(key, LIMIT);
        refused(key);

        clock.move(Duration.ofSeconds(60));

        spend(key, LIMIT);
        refused(key);
    }

    @Test
    void aPersonOverTheLimitIsRefusedWithRetryAfter() {
        String person = "Bearer " + Tokens.person("busy-" + System.nanoTime());

        spend(person, LIMIT);

        assertThat(refused(person)).isEqualTo("60");
    }

    @Test
    void theSameKeyInXApiKeyCountsAgainstTheSameLimit() {
        String ws = Api.createWorkspace();
        String secret = Api.createApiKey(ws, "deals:read");

        spend("Bearer " + secret, LIMIT);

        Api.problem(given().header("X-Api-Key", secret).get("/api/v1/me").then(), 429, "rate-limit.exceeded");
    }

    @Test
    void requestsWithoutCredentialsAreNotCounted() {
        for (int i = 0; i <= LIMIT; i++) {
            Api.problem(given().header("X-Test-Anonymous", "yes").get("/api/v1/me").then(), 401, "auth.unauthenticated");
        }
    }

    @Test
    void aRefusedRequestDoesNothing() {
        String ws = Api.createWorkspace();
        String key = "Bearer " + Api.createApiKey(ws, "deals:write");
        spend(key, LIMIT);

        Api.problem(given().header("Authorization", key).contentType("application/json").body("{\"name\":\"Too many\"}")
                .post("/api/v1/workspaces/{ws}/deals", ws).then(), 429, "rate-limit.exceeded");

        given().get("/api/v1/workspaces/{ws}/deals", ws).then().statusCode(200).body("items.size()", equalTo(0));
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
