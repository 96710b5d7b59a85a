package dev.debrief.bootstrap.limits;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

/** A key's listing shows when it was last used; the time is written at most once a minute per key, not per request. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ApiKeyLastUsedTest {

    private static final String LAST_USED_MICROS =
            "select coalesce((extract(epoch from last_used_at) * 1000000)::bigint, -1) from api_key where prefix = ?";

    @Inject
    Sql sql;

    private static String prefix(String secret) {
        return secret.substring("dbk_".length(), "dbk_".length() + 8);
    }

    private static void use(String secret) {
        given().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void theListingShowsWhenAKeyWasLastUsed() {
        String ws = Api.createWorkspace();
        String secret = Api.createApiKey(ws, "deals:read");
        String item = "items.find { it.prefix == '" + prefix(secret) + "' }";
        given().get("/api/v1/workspaces/{ws}/api-keys", ws).then().statusCode(200).body(item + ".lastUsedAt", nullValue());
        Instant before = Instant.now().minusSeconds(1);

        use(secret);

        String lastUsedAt = given().get("/api/v1/workspaces/{ws}/api-keys", ws).then().statusCode(200)
                .extract().path(item + ".lastUsedAt");
        assertThat(Instant.parse(lastUsedAt)).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void aSecondUseWithinAMinuteWritesNothing() {
        String ws = Api.createWorkspace();
        String secret = Api.createApiKey(ws, "deals:read");
        use(secret);
        long first = sql.count(LAST_USED_MICROS, prefix(secret));
        assertThat(first).isPositive();

        use(secret);
        use(secret);

        assertThat(sql.count(LAST_USED_MICROS, prefix(secret))).isEqualTo(first);
    }

    @Test
    void aUseMoreThanAMinuteAfterTheRecordedOneIsRecorded() {
        String ws = Api.createWorkspace();
        String secret = Api.createApiKey(ws, "deals:read");
        use(secret);
        sql.execute("update api_key set last_used_at = last_used_at - interval '61 seconds' where prefix = ?", prefix(secret));
        long stale = sql.count(LAST_USED_MICROS, prefix(secret));

        // the instance keeps the last use it recorded; setting it back by hand is announced like any change it must
        // hear (migration V16), and heard within milliseconds: use the key until then (at most 3 s)
        long now = stale;
        for (long start = System.nanoTime(); now == stale && System.nanoTime() - start < Duration.ofSeconds(3).toNanos(); ) {
            use(secret);
            now = sql.count(LAST_USED_MICROS, prefix(secret));
        }
        assertThat(Duration.ofNanos((now - stale) * 1000)).isGreaterThanOrEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void aRefusedKeyIsNotRecordedAsUsed() {
        String ws = Api.createWorkspace();
        String secret = Api.createApiKey(ws, "deals:read");
        String id = given().get("/api/v1/workspaces/{ws}/api-keys", ws).then().statusCode(200)
                .extract().path("items.find { it.prefix == '" + prefix(secret) + "' }.id");
        given().delete("/api/v1/workspaces/{ws}/api-keys/{id}", ws, id).then().statusCode(200);

        given().header("Authorization", "Bearer " + secret).get("/api/v1/me").then().statusCode(401);

        assertThat(sql.count(LAST_USED_MICROS, prefix(secret))).isEqualTo(-1);
    }
}
