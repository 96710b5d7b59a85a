package dev.debrief.bootstrap.activity;

import dev.debrief.bootstrap.deal.DealConcurrencyTestAccess;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.domain.activity.Activity;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Activities on a deal end to end: add, list, delete, the response time, caps, and workspaces kept apart. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ActivitiesTest {

    static final String ACTIVITIES = "/api/v1/workspaces/{ws}/deals/{deal}/activities";
    static final String ACTIVITY = ACTIVITIES + "/{id}";
    static final String RESPONSE_TIME = "/api/v1/workspaces/{ws}/deals/{deal}/response-time";
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @Inject
    Sql sql;

    @Inject
    AgroalDataSource dataSource;

    String ws;
    String deal;

    @BeforeEach
    void deal() {
        ws = Api.createWorkspace();
        deal = Api.createDeal(ws, "Globex renewal");
    }

    static Map<String, Object> activity(String type, String direction, Instant at) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("direction", direction);
        body.put("occurredAt", at.toString());
        return body;
    }

    ValidatableResponse add(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(ACTIVITIES, ws, deal).then();
    }

    String add(String type, String direction, Instant at) {
        return add(activity(type, direction, at)).statusCode(201).extract().path("id");
    }

    long activities() {
        return sql.count("select count(*) from deal_activity where workspace_id = ?", ws);
    }

    @Test
    void addsListsNewestFirstInPagesAndDeletes() {
        Map<String, Object> call = activity("CALL", "INBOUND", T0);
        call.put("memberId", Api.myMemberId(ws));
        call.put("note", "  Asked for the security questionnaire  ");
        Response created = given().contentType(ContentType.JSON).body(call).post(ACTIVITIES, ws, deal);
        created.then().statusCode(201)
                .body("type", equalTo("CALL")).body("direction", equalTo("INBOUND"))
                .body("occurredAt", equalTo("2026-11-02T08:00:00Z"))
                .body("memberId", equalTo(Api.myMemberId(ws)))
                .body("note", equalTo("Asked for the security questionnaire"))
                .body("externalReference", nullValue())
                .body("dealId", equalTo(deal));
        String first = created.path("id");
        assertThat(created.header("Location")).endsWith("/deals/" + deal + "/activities/" + first);
        String second = add("EMAIL", "OUTBOUND", T0.plusSeconds(60));
        String third = add("NOTE", "INTERNAL", T0.plusSeconds(60)); // same instant: ties by id, newest first
        String fourth = add("MEETING", "OUTBOUND", T0.plusSeconds(3600));

        Response page1 = given().queryParam("limit", 2).get(ACTIVITIES, ws, deal);
        page1.then().statusCode(200);
        String cursor = page1.path("nextCursor");
        Response page2 = given().queryParam("limit", 2).queryParam("cursor", cursor).get(ACTIVITIES, ws, deal);
        page2.then().statusCode(200).body("nextCursor", nullValue());

        List<String> ids = new ArrayList<>(page1.<List<String>>path("items.id"));
        ids.addAll(page2.path("items.id"));
        assertThat(ids).containsExactly(fourth, third, second, first);

        given().delete(ACTIVITY, ws, deal, third).then().statusCode(204);
        assertThat(given().get(ACTIVITIES, ws, deal).then().statusCode(200).extract().<List<String>>path("items.id"))
                .containsExactly(fourth, second, first);
        Api.problem(given().delete(ACTIVITY, ws, deal, third).then(), 404, "activity.not-found");
        assertThat(activities()).isEqualTo(3);
        assertThat(sql.count("select count(*) from deal_activity_tombstone where workspace_id = ?", ws)).isZero();
    }

    @Test
    void derivesTheResponseTimeOfAHandBuiltSequence() {
        // minutes after T0: (type, direction)
        Object[][] sequence = {
                {0, "EMAIL", "INBOUND"},        // answered at 30: 30 min
                {30, "CALL", "OUTBOUND"},
                {120, "EMAIL", "INBOUND"},      // answered at 300: 180 min
                {150, "NOTE", "OUTBOUND"},      // a note never answers
                {180, "CALL", "INBOUND"},       // answered at 300: 120 min
                {200, "MEETING", "INTERNAL"},   // nor does an internal one
                {300, "EMAIL", "OUTBOUND"},
                {400, "NOTE", "INBOUND"},       // a note never waits
                {600, "CALL", "INBOUND"},       // never answered
        };
        for (Object[] a : sequence) {
            add((String) a[1], (String) a[2], T0.plus(Duration.ofMinutes((Integer) a[0])));
        }
        long[] answeredSeconds = {30 * 60, 180 * 60, 120 * 60};
        long[] sorted = answeredSeconds.clone();
        java.util.Arrays.sort(sorted);

        given().get(RESPONSE_TIME, ws, deal).then().statusCode(200)
                .body("dealId", equalTo(deal))
                .body("medianSeconds", equalTo((int) sorted[1]))
                .body("worstSeconds", equalTo((int) sorted[2]))
                .body("answered", equalTo(3))
                .body("unanswered", equalTo(1))
                .body("unansweredSince", equalTo(T0.plus(Duration.ofMinutes(600)).toString()))
                .body("activities", equalTo(sequence.length));
    }

    @Test
    void aDealWithNothingToMeasureHasNullFigures() {
        add("EMAIL", "OUTBOUND", T0);

        given().get(RESPONSE_TIME, ws, deal).then().statusCode(200)
                .body("medianSeconds", nullValue()).body("worstSeconds", nullValue())
                .body("answered", equalTo(0)).body("unanswered", equalTo(0)).body("unansweredSince", nullValue())
                .body("activities", equalTo(1));
    }

    @Test
    @SendsInvalidInput
    void rejectsBadInputAndWritesNothing() {
        long before = sql.rowsOf(ws);
        Map<String, Object> noType = activity("CALL", "INBOUND", T0);
        noType.remove("type");
        add(noType).statusCode(400).body("errors[0].field", equalTo("type"));
        add(activity("CHAT", "INBOUND", T0)).statusCode(400);
        Map<String, Object> longNote = activity("CALL", "INBOUND", T0);
        longNote.put("note", "n".repeat(Activity.NOTE_MAX + 1));
        add(longNote).statusCode(400).body("errors[0].field", equalTo("note"));
        Map<String, Object> stranger = activity("CALL", "INBOUND", T0);
        stranger.put("memberId", UUID.randomUUID().toString());
        Api.problem(add(stranger), 422, "reference.not-found").body("errors[0].field", equalTo("memberId"));
        Api.problem(add(activity("CALL", "INBOUND", Instant.now().plus(Duration.ofHours(1)))), 422,
                "activity.occurred-in-future").body("errors[0].field", equalTo("occurredAt"));
        Api.problem(given().contentType(ContentType.JSON).body(activity("CALL", "INBOUND", T0))
                .post(ACTIVITIES, ws, UUID.randomUUID()).then(), 404, "deal.not-found");
        Api.problem(given().queryParam("limit", 101).get(ACTIVITIES, ws, deal).then(), 400, "page.limit-out-of-range");
        Api.problem(given().queryParam("cursor", "bm9wZQ").get(ACTIVITIES, ws, deal).then(), 400, "cursor.invalid");

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
        assertThat(activities()).isZero();
    }

    @Test
    void aCursorOfAnotherDealIsAMismatch() {
        add("CALL", "INBOUND", T0);
        add("CALL", "INBOUND", T0.plusSeconds(1));
        String cursor = given().queryParam("limit", 1).get(ACTIVITIES, ws, deal).then().statusCode(200).extract().path("nextCursor");
        String other = Api.createDeal(ws, "Initech");

        Api.problem(given().queryParam("cursor", cursor).get(ACTIVITIES, ws, other).then(), 400, "cursor.mismatch");
    }

    @Test
    void anotherWorkspaceCanNeitherSeeNorTouchThem() {
        String id = add("CALL", "INBOUND", T0);
        String elsewhere = Api.createWorkspace();

        Api.problem(given().get(ACTIVITIES, elsewhere, deal).then(), 404, "deal.not-found");
        Api.problem(given().get(RESPONSE_TIME, elsewhere, deal).then(), 404, "deal.not-found");
        Api.problem(given().contentType(ContentType.JSON).body(activity("CALL", "OUTBOUND", T0))
                .post(ACTIVITIES, elsewhere, deal).then(), 404, "deal.not-found");
        Api.problem(given().delete(ACTIVITY, elsewhere, deal, id).then(), 404, "deal.not-found");
        String otherDeal = Api.createDeal(elsewhere, "Elsewhere");
        Api.problem(given().delete(ACTIVITY, elsewhere, otherDeal, id).then(), 404, "activity.not-found");

        assertThat(activities()).isEqualTo(1);
        assertThat(sql.count("select count(*) from deal_activity where workspace_id = ?", elsewhere)).isZero();
    }

    @Test
    void aDealHoldsTenThousandActivitiesWhenAddsRaceForTheLastPlaces() throws Exception {
        int room = 2;
        sql.execute("""
                insert into deal_activity (id, workspace_id, deal_id, type, direction, occurred_at, created_at)
                select gen_random_uuid(), ?::uuid, ?::uuid, 'NOTE', 'INTERNAL', now() - interval '1 day', now()
                from generate_series(1, ?) g""", ws, deal, Activity.MAX_PER_DEAL - room);
        int racers = 5;
        Response[] answers = new Response[racers];
        // Inserts wait until this transaction ends, counting doesn't: without the deal's lock every racer would
        // count the same room and all of them would insert.
        try (Connection gate = dataSource.getConnection()) {
            gate.setAutoCommit(false);
            try (Statement lock = gate.createStatement()) {
                lock.execute("lock table deal_activity in share mode");
            }
            CompletableFuture<List<Integer>> race = CompletableFuture.supplyAsync(() -> {
                try {
                    return DealConcurrencyTestAccess.race(racers, i -> () -> {
                        answers[i] = given().contentType(ContentType.JSON).body(activity("CALL", "INBOUND", T0))
                                .post(ACTIVITIES, ws, deal);
                        return answers[i].statusCode();
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(3000);
            gate.commit();
            race.get(60, TimeUnit.SECONDS);
        }

        assertThat(List.of(answers)).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 201, 409, 409, 409);
        assertThat(List.of(answers)).filteredOn(a -> a.statusCode() == 409).extracting(a -> a.<String>path("code"))
                .containsOnly("activity.limit-reached");
        assertThat(activities()).isEqualTo(Activity.MAX_PER_DEAL);
    }
}
