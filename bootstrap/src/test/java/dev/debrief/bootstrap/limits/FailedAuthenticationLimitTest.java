package dev.debrief.bootstrap.limits;

import dev.debrief.adapter.rest.access.AuthenticationFailures;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.AuthenticateAsAlice;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
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

/**
 * An address that sent debrief.auth.failures-per-minute wrong credentials in a minute gets a 429 problem with
 * Retry-After for any request with credentials, until its minute is over: no key lookup, no token check.
 * Every test request comes from 127.0.0.1 and the suite sends wrong credentials on purpose, so the test
 * profile's limit is out of reach; each test here installs a small limit with a clock it moves.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FailedAuthenticationLimitTest {

    private static final int LIMIT = 3;
    private static final String CODE = "auth.too-many-failures";
    private static final String WRONG_KEY = "Bearer dbk_abcdefgh_" + "A".repeat(43);

    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void smallLimit() {
        QuarkusMock.installMockForType(new AuthenticationFailures(LIMIT, clock), AuthenticationFailures.class);
    }

    private static void fail(int times) {
        for (int i = 0; i < times; i++) {
            Api.problem(given().header("Authorization", WRONG_KEY).get("/api/v1/me").then(), 401, "auth.unauthenticated");
        }
    }

    @Test
    void anAddressOverTheLimitIsRefusedWithRetryAfterEvenWithAValidKey() {
        String key = "Bearer " + Api.createApiKey(Api.createWorkspace(), "deals:read");
        fail(LIMIT);
        clock.move(Duration.ofSeconds(20));

        String retryAfter = Api.problem(given().header("Authorization", key).get("/api/v1/me").then(), 429, CODE)
                .extract().header("Retry-After");
        assertThat(retryAfter).isEqualTo("40");
        Api.problem(given().header("Authorization", WRONG_KEY).get("/api/v1/me").then(), 429, CODE);
        Api.problem(given().header("X-Api-Key", "dbk_short").get("/api/v1/me").then(), 429, CODE);
    }

    @Test
    void theAddressGoesOnWhenItsMinuteIsOver() {
        fail(LIMIT);
        Api.problem(given().get("/api/v1/me").then(), 429, CODE);

        clock.move(Duration.ofSeconds(60));

        given().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void successfulRequestsDoNotCount() {
        fail(LIMIT - 1);
        for (int i = 0; i < 10; i++) {
            given().get("/api/v1/me").then().statusCode(200);
        }
        fail(1);

        Api.problem(given().get("/api/v1/me").then(), 429, CODE);
    }

    @Test
    void requestsWithoutCredentialsAreNeitherCountedNorRefused() {
        for (int i = 0; i <= LIMIT; i++) {
            Api.problem(given().header(AuthenticateAsAlice.ANONYMOUS, "yes").get("/api/v1/me").then(), 401, "auth.unauthenticated");
        }
        given().get("/api/v1/me").then().statusCode(200);

        fail(LIMIT);
        given().header(AuthenticateAsAlice.ANONYMOUS, "yes").get("/q/health/ready").then().statusCode(200);
        Api.problem(given().header(AuthenticateAsAlice.ANONYMOUS, "yes").get("/api/v1/me").then(), 401, "auth.unauthenticated");
    }

    @Test
    void xForwardedForIsNotTrustedUnlessProxyForwardingIsConfigured() {
        for (int i = 0; i < LIMIT; i++) {
            Api.problem(given().header("Authorization", WRONG_KEY).header("X-Forwarded-For", "203.0.113." + i)
                    .get("/api/v1/me").then(), 401, "auth.unauthenticated");
        }

        Api.problem(given().header("X-Forwarded-For", "198.51.100.7").get("/api/v1/me").then(), 429, CODE);
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
