package dev.debrief.bootstrap.ingest;

import dev.debrief.application.port.out.idempotency.IdempotencyScope;
import dev.debrief.application.port.out.idempotency.IdempotencyStore;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.debrief.bootstrap.ingest.DealIngestTest.BATCH;
import static dev.debrief.bootstrap.ingest.DealIngestTest.T1;
import static dev.debrief.bootstrap.ingest.DealIngestTest.T2;
import static dev.debrief.bootstrap.ingest.DealIngestTest.item;
import static dev.debrief.bootstrap.ingest.DealIngestTest.lost;
import static dev.debrief.bootstrap.ingest.DealIngestTest.open;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The batch's idempotency, its savepoint fallback and two batches racing, over HTTP against PostgreSQL. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DealIngestBatchTest {

    @Inject
    Sql sql;

    @Inject
    IdempotencyStore idempotencyStore;

    String ws;

    @BeforeEach
    void workspace() {
        ws = Api.createWorkspace();
    }

    ValidatableResponse batch(String key, List<Map<String, Object>> items) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("items", items))
                .post(BATCH, ws).then();
    }

    long writes() {
        return sql.count("select count(*) from audit_event where workspace_id = ?::uuid and resource = 'deal'", ws)
                + sql.count("select count(*) from deal where workspace_id = ?::uuid", ws);
    }

    @Test
    void requiresAnIdempotencyKey() {
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("items", List.of(item("a", open(T1, "a")))))
                .post(BATCH, ws).then(), 400, "idempotency.key-required")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(writes()).isZero();
    }

    @Test
    void replaysTheStoredAnswerForTheSameKeyAndBodyWithoutWritingAgain() {
        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> items = List.of(item("i-1", open(T1, "One")), item("i-2", lost(T1, null)));
        String first = batch(key, items).statusCode(200).body("totals.created", equalTo(2)).extract().asString();
        long afterFirst = writes();

        Response replay = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("items", items)).post(BATCH, ws);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.asString()).isEqualTo(first);
        assertThat(writes()).isEqualTo(afterFirst);
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        batch(key, List.of(item("k-1", open(T1, "One")))).statusCode(200);

        Api.problem(batch(key, List.of(item("k-1", open(T2, "Other")))), 422, "idempotency.key-reused")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(sql.rows("select name from deal where workspace_id = ?::uuid", ws))
                .singleElement().satisfies(r -> assertThat(r.get("name")).isEqualTo("One"));
    }

    @Test
    void answers409WhileTheFirstRequestWithTheKeyIsStillRunning() throws Exception {
        String key = UUID.randomUUID().toString();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = holdKey(key, held, release);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            Api.problem(batch(key, List.of(item("f-1", open(T1, "One")))), 409, "idempotency.in-flight");
        } finally {
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
        }
        assertThat(writes()).isZero();
        batch(key, List.of(item("f-1", open(T1, "One")))).statusCode(200).body("totals.created", equalTo(1));
    }

    @Test
    void aRetryAfterACrashMidRequestProceeds() throws Exception {
        String key = UUID.randomUUID().toString();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        CompletableFuture<Void> crashed = holdKey(key, held, never);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        // The "crash": the connection of the request in flight dies, and its transaction with it.
        sql.count("""
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where pid <> pg_backend_pid() and state = 'idle in transaction'
                  and query like '%pg_try_advisory_xact_lock%'""");
        never.countDown();
        assertThat(crashed).failsWithin(10, TimeUnit.SECONDS);

        batch(key, List.of(item("c-1", open(T1, "One")))).statusCode(200).body("totals.created", equalTo(1));
    }

    /** Takes the key's in-flight lock for alice in a transaction of its own, until {@code release}. */
    private CompletableFuture<Void> holdKey(String key, CountDownLatch held, CountDownLatch release) {
        Access alice = new Access(new WorkspaceId(UUID.fromString(ws)),
                new Access.MemberActor(new MemberId(UUID.fromString(Api.myMemberId(ws))), Role.ADMIN));
        return CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(idempotencyStore.tryLock(IdempotencyScope.of(alice), key)).isTrue();
            held.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    @Test
    void whenTheDatabaseRefusesOneDealTheOthersStillLand() {
        sql.execute("alter table deal add constraint test_poison_ck check (name <> 'poison pill')");
        try {
            List<Map<String, Object>> items = List.of(item("p-1", open(T1, "Fine one")),
                    item("p-2", open(T1, "poison pill")), item("p-3", lost(T1, Map.of("reasonText", "Fine too"))));

            batch(UUID.randomUUID().toString(), items).statusCode(207)
                    .body("results.result", contains("created", "rejected", "created"))
                    .body("results[1].problem.code", equalTo("ingest.rejected-by-database"))
                    .body("results[1].problem.errors[0].field", equalTo("items[1]"));
        } finally {
            sql.execute("alter table deal drop constraint test_poison_ck");
        }
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid", ws)).isEqualTo(2);
        assertThat(sql.count("select count(*) from audit_event where workspace_id = ?::uuid and resource = 'deal'", ws))
                .isEqualTo(2);
        assertThat(sql.count("select count(*) from loss_analysis where workspace_id = ?::uuid", ws)).isEqualTo(1);
    }

    @Test
    void twoBatchesRacingOnTheSameDealsEndWithOneRowEachAndTheNewestState() throws Exception {
        int deals = 200;
        List<Map<String, Object>> older = new ArrayList<>();
        List<Map<String, Object>> newer = new ArrayList<>();
        for (int i = 0; i < deals; i++) {
            older.add(item("race-" + i, open(T1, "older " + i)));
            newer.add(item("race-" + (deals - 1 - i), open(T2, "newer " + (deals - 1 - i)))); // the other order
        }
        for (int round = 0; round < 3; round++) {
            String suffix = "-" + round;
            List<Map<String, Object>> a = older.stream().map(m -> rename(m, suffix)).toList();
            List<Map<String, Object>> b = newer.stream().map(m -> rename(m, suffix)).toList();
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> fire(start, a));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> fire(start, b));
            start.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid", ws)).isEqualTo(deals * 3L);
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid and name not like 'newer %'", ws))
                .as("every deal holds the newest state, whichever batch came first").isZero();
    }

    private static Map<String, Object> rename(Map<String, Object> item, String suffix) {
        Map<String, Object> copy = new java.util.HashMap<>(item);
        copy.put("externalId", item.get("externalId") + suffix);
        return copy;
    }

    private int fire(CountDownLatch start, List<Map<String, Object>> items) {
        try {
            start.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("items", items)).post(BATCH, ws).statusCode();
    }
}
