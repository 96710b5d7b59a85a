package dev.debrief.bootstrap.deal;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers that saw the same ETag race: exactly one wins, the others get 412, never a 500 and
 * never a lost update. Held by a row lock plus the version check in PostgreSQL, not by the JVM.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DealConcurrencyTest {

    static final int WRITERS = 6;
    static final String DEAL = "/api/v1/workspaces/{ws}/deals/{deal}";

    @Inject
    Sql sql;

    @RepeatedTest(3)
    void concurrentPatchesWithTheSameETagLetExactlyOneWin() throws Exception {
        String ws = Api.createWorkspace();
        String id = Api.createDeal(ws, "Contested");
        List<Integer> statuses = race(WRITERS, i -> () -> given()
                .contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\":\"Writer " + i + "\"}")
                .patch(DEAL, ws, id).statusCode());

        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        String name = given().get(DEAL, ws, id).then().statusCode(200).header("ETag", "\"1\"").extract().path("name");
        assertThat(name).startsWith("Writer ");
    }

    @Test
    void concurrentClosesWithTheSameETagCloseOnce() throws Exception {
        String ws = Api.createWorkspace();
        String id = Api.createDeal(ws, "Contested close");
        Map<String, Object> lost = Map.of("outcome", "LOST", "closedOn", "2026-11-20", "lossAnalysis", Api.lossAnalysis(ws));
        List<Integer> statuses = race(WRITERS, i -> () -> given()
                .contentType(ContentType.JSON).header("If-Match", "\"0\"").body(lost)
                .post(DEAL + "/close", ws, id).statusCode());

        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(sql.count("select count(*) from deal_outcome_change where deal_id = ?", id)).isEqualTo(1);
        assertThat(sql.count("select count(*) from loss_analysis where deal_id = ?", id)).isEqualTo(1);
    }

    public interface Writer {
        Callable<Integer> writer(int index);
    }

    /** Starts all writers at the same moment and collects their HTTP statuses. */
    static List<Integer> race(int writers, Writer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch ready = new CountDownLatch(writers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Callable<Integer> call = writer.writer(i);
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
