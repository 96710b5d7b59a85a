package dev.debrief.bootstrap.lesson;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Debriefs of lost deals, with the lessons they produce in the same transaction. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DebriefTest {

    static final String DEBRIEFS = "/api/v1/workspaces/{ws}/deals/{deal}/debriefs";

    @Inject
    Sql sql;

    String ws;
    String deal;
    String me;

    @BeforeEach
    void lostDeal() {
        ws = Api.createWorkspace();
        deal = Api.createDeal(ws, "Acme renewal");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("outcome", "LOST", "closedOn", "2026-11-20", "lossAnalysis", Api.lossAnalysis(ws)))
                .post("/api/v1/workspaces/{ws}/deals/{d}/close", ws, deal).then().statusCode(200);
        me = Api.myMemberId(ws);
    }

    Map<String, Object> debrief(List<Map<String, Object>> lessons) {
        Map<String, Object> body = new HashMap<>();
        body.put("lessonLearned", "We let the quote sit for three days");
        body.put("howItServesNext", "I send revised quotes the same day");
        body.put("notes", "Buyer compared three offers");
        body.put("participantIds", List.of(me));
        body.put("lessons", lessons);
        return body;
    }

    ValidatableResponse hold(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(DEBRIEFS, ws, deal).then();
    }

    @Test
    void recordsADebriefWithTheLessonsItProduced() {
        String id = hold(debrief(List.of(Map.of("statement", "Send the revised quote the same day",
                "categories", List.of("RESPONSIVENESS"))))).statusCode(201)
                .body("participantIds", contains(me)).body("lessonIds", hasSize(1))
                .body("lessonLearned", equalTo("We let the quote sit for three days"))
                .extract().path("id");
        String lesson = given().get(DEBRIEFS + "/{id}", ws, deal, id).then().statusCode(200).extract().path("lessonIds[0]");

        given().get("/api/v1/workspaces/{ws}/lessons/{l}", ws, lesson).then().statusCode(200)
                .body("sourceDealIds", contains(deal)).body("status", equalTo("PROPOSED"));
        given().get(DEBRIEFS, ws, deal).then().statusCode(200).body("items.id", contains(id));
    }

    /**
     * A deal's debriefs are one answer, so a deal holds at most 50; debriefs sent at once when it holds 49
     * make exactly one more (the deal's row lock orders them).
     */
    @Test
    void aDealHoldsAtMostFiftyDebriefsEvenWhenTheyAreSentAtOnce() throws Exception {
        sql.execute("""
                insert into debrief (id, workspace_id, deal_id, held_at, lesson_learned, how_it_serves_next, created_at)
                select gen_random_uuid(), ?::uuid, ?::uuid, now() - n * interval '1 hour', 'Lesson ' || n, 'Next ' || n, now()
                from generate_series(1, 49) as n""", ws, deal);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return hold(debrief(List.of())).extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> call : calls) {
            statuses.add(call.get(60, TimeUnit.SECONDS));
        }

        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409, 409);
        Api.problem(hold(debrief(List.of())), 409, "debrief.limit-reached");
        assertThat(sql.count("select count(*) from debrief where deal_id = ?::uuid", deal)).isEqualTo(50);
        given().get(DEBRIEFS, ws, deal).then().statusCode(200).body("items", hasSize(50));
    }

    @Test
    void aBadLessonLeavesNoDebriefAndNoLesson() {
        Api.problem(hold(debrief(List.of(Map.of("statement", "Send the quote today"),
                Map.of("statement", "Never wait three days")))), 422, "phrasing.prohibition")
                .body("errors[0].field", equalTo("lessons[1].statement"));

        assertThat(sql.count("select count(*) from debrief where workspace_id = ?::uuid", ws)).isZero();
        assertThat(sql.count("select count(*) from lesson where workspace_id = ?::uuid", ws)).isZero();
    }

    @Test
    @SendsInvalidInput
    void onlyLostDealsAreDebriefedByKnownMembers() {
        String open = Api.createDeal(ws, "Still open");
        Api.problem(given().contentType(ContentType.JSON).body(debrief(List.of())).post(DEBRIEFS, ws, open).then(),
                409, "debrief.deal-not-lost");
        Map<String, Object> stranger = debrief(List.of());
        stranger.put("participantIds", List.of(UUID.randomUUID().toString()));
        Api.problem(hold(stranger), 422, "reference.not-found").body("errors[0].field", equalTo("participantIds[0]"));
        Map<String, Object> unanswered = debrief(List.of());
        unanswered.remove("howItServesNext");
        Api.problem(hold(unanswered), 400, "validation.failed");
        assertThat(sql.count("select count(*) from debrief where workspace_id = ?::uuid", ws)).isZero();
    }

    @Test
    void anotherWorkspacesDebriefIsNotFound() {
        String id = hold(debrief(List.of())).statusCode(201).extract().path("id");
        Api.problem(given().get(DEBRIEFS + "/{id}", ws, deal, UUID.randomUUID()).then(), 404, "debrief.not-found");
        String other = Api.createWorkspace();
        Api.problem(given().get(DEBRIEFS + "/{id}", other, deal, id).then(), 404, "debrief.not-found");
    }
}
