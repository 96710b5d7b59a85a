package dev.debrief.bootstrap.activity;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.domain.activity.Activity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Partners push activities with the upsert and the batch: once per external id, capped per item, deletions kept. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PartnerActivitiesTest {

    static final String UPSERT = "/api/v1/workspaces/{ws}/deals-by-external-id/{source}/{id}";
    static final String BATCH = "/api/v1/workspaces/{ws}/deal-outcomes/batch";
    static final Instant T1 = Instant.parse("2026-01-10T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-01-11T10:00:00Z");

    @Inject
    Sql sql;

    String ws;

    @BeforeEach
    void workspace() {
        ws = Api.createWorkspace();
    }

    static Map<String, Object> state(Instant at, List<Map<String, Object>> activities) {
        Map<String, Object> state = new HashMap<>();
        state.put("occurredAt", at.toString());
        state.put("name", "Acme rollout");
        state.put("outcome", "OPEN");
        if (activities != null) {
            state.put("activities", activities);
        }
        return state;
    }

    static Map<String, Object> activity(String externalId, String memberEmail) {
        Map<String, Object> a = new HashMap<>();
        a.put("externalId", externalId);
        a.put("type", "EMAIL");
        a.put("direction", "INBOUND");
        a.put("occurredAt", T1.toString());
        a.put("note", "Asked for the revised quote");
        if (memberEmail != null) {
            a.put("memberEmail", memberEmail);
        }
        return a;
    }

    static List<Map<String, Object>> activities(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> activity(prefix + i, null)).toList();
    }

    ValidatableResponse upsert(String externalId, Map<String, Object> state) {
        return given().contentType(ContentType.JSON).body(state).put(UPSERT, ws, "hubspot", externalId).then();
    }

    ValidatableResponse batch(List<Map<String, Object>> items) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("items", items)).post(BATCH, ws).then();
    }

    static Map<String, Object> item(String externalId, Map<String, Object> state) {
        Map<String, Object> item = new HashMap<>(state);
        item.put("source", "hubspot");
        item.put("externalId", externalId);
        return item;
    }

    long activitiesOf(String dealId) {
        return sql.count("select count(*) from deal_activity where workspace_id = ? and deal_id = ?", ws, dealId);
    }

    @Test
    void aRetriedPushRecordsEachActivityOnce() {
        List<Map<String, Object>> pushed = List.of(activity("e-1", "ALICE@example.com"), activity("e-2", "ghost@example.com"));
        String deal = upsert("d-1", state(T1, pushed)).statusCode(201)
                .body("activitiesRecorded", equalTo(2)).body("activitiesSkipped", equalTo(0))
                .extract().path("deal.id");

        upsert("d-1", state(T1, pushed)).statusCode(200).body("result", equalTo("unchanged"))
                .body("activitiesRecorded", equalTo(0)).body("activitiesSkipped", equalTo(2));
        batch(List.of(item("d-1", state(T1, pushed)), item("d-1", state(T1, List.of(activity("e-3", null))))))
                .statusCode(200)
                .body("results[0].activitiesRecorded", equalTo(0)).body("results[0].activitiesSkipped", equalTo(2))
                .body("results[1].activitiesRecorded", equalTo(1));

        assertThat(activitiesOf(deal)).isEqualTo(3);
        given().get("/api/v1/workspaces/{ws}/deals/{deal}/activities", ws, deal).then().statusCode(200)
                .body("items.find { it.externalReference.externalId == 'e-1' }.memberId", equalTo(Api.myMemberId(ws)))
                .body("items.find { it.externalReference.externalId == 'e-2' }.memberId", nullValue())
                .body("items.find { it.externalReference.externalId == 'e-2' }.externalReference.source", equalTo("hubspot"));
    }

    @Test
    void aStaleItemStillRecordsItsActivities() {
        String deal = upsert("d-1", state(T2, null)).statusCode(201).extract().path("deal.id");

        upsert("d-1", state(T1, List.of(activity("late", null)))).statusCode(200).body("result", equalTo("stale"))
                .body("activitiesRecorded", equalTo(1));

        assertThat(activitiesOf(deal)).isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void anItemCarriesAtMostTwoHundredActivitiesEvenWhenItsStateIsStale() {
        String deal = upsert("d-1", state(T2, null)).statusCode(201).extract().path("deal.id");
        long before = sql.rowsOf(ws);

        batch(List.of(item("d-1", state(T1, activities("x", Activity.MAX_PER_PUSH + 1))),
                item("d-1", state(T1, activities("y", Activity.MAX_PER_PUSH)))))
                .statusCode(207)
                .body("results[0].result", equalTo("rejected"))
                .body("results[0].problem.code", equalTo("activity.too-many"))
                .body("results[0].problem.status", equalTo(422))
                .body("results[0].problem.errors[0].field", equalTo("items[0].activities"))
                .body("results[0].activitiesRecorded", equalTo(0))
                .body("results[1].result", equalTo("stale"))
                .body("results[1].activitiesRecorded", equalTo(Activity.MAX_PER_PUSH));
        Api.problem(upsert("d-1", state(T1, activities("z", Activity.MAX_PER_PUSH + 1))), 422, "activity.too-many");

        assertThat(activitiesOf(deal)).isEqualTo(Activity.MAX_PER_PUSH);
        assertThat(sql.rowsOf(ws)).isEqualTo(before + Activity.MAX_PER_PUSH);
    }

    @Test
    void aPushThatWouldTakeTheDealPastItsCapIsRejectedWithItsState() {
        String deal = upsert("d-1", state(T1, null)).statusCode(201).extract().path("deal.id");
        sql.execute("""
                insert into deal_activity (id, workspace_id, deal_id, type, direction, occurred_at, created_at)
                select gen_random_uuid(), ?::uuid, ?::uuid, 'NOTE', 'INTERNAL', now() - interval '1 day', now()
                from generate_series(1, ?) g""", ws, deal, Activity.MAX_PER_DEAL - 2);
        Map<String, Object> renamed = state(T2, activities("c", 3));
        renamed.put("name", "Acme rollout, phase 2");

        Api.problem(upsert("d-1", renamed), 409, "activity.limit-reached");
        given().get("/api/v1/workspaces/{ws}/deals/{deal}", ws, deal).then().statusCode(200).body("name", equalTo("Acme rollout"));
        renamed.put("activities", activities("c", 2));
        upsert("d-1", renamed).statusCode(200).body("result", equalTo("updated")).body("activitiesRecorded", equalTo(2));
        upsert("d-1", renamed).statusCode(200).body("activitiesRecorded", equalTo(0)).body("activitiesSkipped", equalTo(2));

        assertThat(activitiesOf(deal)).isEqualTo(Activity.MAX_PER_DEAL);
    }

    @Test
    void aRePushDoesNotBringBackAnActivityAPersonDeleted() {
        List<Map<String, Object>> pushed = List.of(activity("e-1", null), activity("e-2", null));
        String deal = upsert("d-1", state(T1, pushed)).statusCode(201).extract().path("deal.id");
        String e1 = given().get("/api/v1/workspaces/{ws}/deals/{deal}/activities", ws, deal).then().statusCode(200)
                .extract().path("items.find { it.externalReference.externalId == 'e-1' }.id");

        given().delete("/api/v1/workspaces/{ws}/deals/{deal}/activities/{id}", ws, deal, e1).then().statusCode(204);
        upsert("d-1", state(T2, pushed)).statusCode(200).body("result", equalTo("unchanged"))
                .body("activitiesRecorded", equalTo(0)).body("activitiesSkipped", equalTo(2));

        assertThat(sql.rows("select external_id from deal_activity where workspace_id = ? and deal_id = ?", ws, deal))
                .extracting(r -> r.get("external_id")).containsExactly("e-2");
        assertThat(sql.count("""
                select count(*) from deal_activity_tombstone
                where workspace_id = ? and deal_id = ? and external_source = 'hubspot' and external_id = 'e-1'""", ws, deal))
                .isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void anInvalidActivityRejectsItsItemAndRecordsNothingOfIt() {
        long before = sql.rowsOf(ws);
        Map<String, Object> future = activity("e-2", null);
        future.put("occurredAt", Instant.now().plusSeconds(3600).toString());
        Map<String, Object> noId = activity("e-3", null);
        noId.remove("externalId");

        batch(List.of(item("d-1", state(T1, List.of(activity("e-1", null), future))),
                item("d-2", state(T1, List.of(noId)))))
                .statusCode(207)
                .body("results[0].problem.code", equalTo("activity.occurred-in-future"))
                .body("results[0].problem.errors[0].field", equalTo("items[0].activities[1].occurredAt"))
                .body("results[1].problem.status", equalTo(400))
                .body("results[1].problem.errors[0].field", equalTo("items[1].activities[0].externalId"));

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }
}
