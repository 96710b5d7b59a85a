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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Lessons end to end: proposing, phrasing, lifecycle, history, endorsements, search. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LessonTest {

    static final String LESSONS = "/api/v1/workspaces/{ws}/lessons";
    static final String LESSON = LESSONS + "/{id}";

    @Inject
    Sql sql;

    String ws;
    String deal;

    @BeforeEach
    void workspace() {
        ws = Api.createWorkspace();
        deal = Api.createDeal(ws, "Lost to slow quotes");
    }

    Map<String, Object> lesson(String statement) {
        Map<String, Object> body = new HashMap<>();
        body.put("statement", statement);
        body.put("sourceDealIds", List.of(deal));
        body.put("categories", List.of("RESPONSIVENESS"));
        return body;
    }

    ValidatableResponse propose(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(LESSONS, ws).then();
    }

    String proposed(String statement) {
        return propose(lesson(statement)).statusCode(201).extract().path("id");
    }

    @Test
    void proposesALessonThatIsADo() {
        propose(lesson("Send the revised quote the same day")).statusCode(201)
                .header("ETag", "\"0\"").header("Location", notNullValue())
                .body("status", equalTo("PROPOSED")).body("endorsements", equalTo(0))
                .body("sourceDealIds", contains(deal)).body("categories", contains("RESPONSIVENESS"))
                .body("segmentIds", empty());
    }

    @Test
    void refusesAProhibitionAndExplainsThePositiveShape() {
        Api.problem(propose(lesson("  \"Don't send quotes late\"")), 422, "phrasing.prohibition")
                .body("errors[0].field", equalTo("statement"))
                .body("detail", org.hamcrest.Matchers.containsString("as a do"));
        assertThat(sql.count("select count(*) from lesson where workspace_id = ?::uuid", ws)).isZero();
    }

    @Test
    @SendsInvalidInput
    void citesOnlyDealsOfItsWorkspace() {
        String foreign = Api.createDeal(Api.createWorkspace(), "Someone else's");
        Map<String, Object> body = lesson("Call back within a day");
        body.put("sourceDealIds", List.of(foreign));
        Api.problem(propose(body), 422, "reference.not-found").body("errors[0].field", equalTo("sourceDealIds[0]"));
        body.put("sourceDealIds", List.of());
        Api.problem(propose(body), 400, "validation.failed");
        body.put("sourceDealIds", List.of(deal));
        body.put("stageIds", List.of(Api.addVocabularyEntry(ws, "segments", "A segment, not a stage")));
        Api.problem(propose(body), 422, "vocabulary.wrong-kind");
        assertThat(sql.count("select count(*) from lesson where workspace_id = ?::uuid", ws)).isZero();
    }

    @Test
    void movesThroughItsLifecycleAndKeepsEarlierStatements() {
        String id = proposed("Send the revised quote the same day");
        Api.problem(given().header("If-Match", "\"0\"").post(LESSON + "/retire", ws, id).then(), 409, "lesson.invalid-transition");
        given().header("If-Match", "\"0\"").post(LESSON + "/adopt", ws, id).then().statusCode(200)
                .body("status", equalTo("ADOPTED")).header("ETag", "\"1\"");
        Api.problem(given().header("If-Match", "\"0\"").post(LESSON + "/retire", ws, id).then(), 412, "precondition.failed");

        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("statement", "Send the revised quote within two hours")).patch(LESSON, ws, id)
                .then().statusCode(200).body("statement", equalTo("Send the revised quote within two hours"))
                .body("status", equalTo("ADOPTED"));
        Api.problem(given().contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body(Map.of("statement", "Never be slow")).patch(LESSON, ws, id).then(), 422, "phrasing.prohibition");

        given().get(LESSON + "/history", ws, id).then().statusCode(200)
                .body("items.statement", contains("Send the revised quote the same day"));
        given().header("If-Match", "\"2\"").post(LESSON + "/retire", ws, id).then().statusCode(200).body("status", equalTo("RETIRED"));
        given().header("If-Match", "\"3\"").post(LESSON + "/adopt", ws, id).then().statusCode(200).body("status", equalTo("ADOPTED"));
    }

    @Test
    @SendsInvalidInput
    void aMergePatchChangesOnlyWhatItNamesClearsWhatMayBeEmptyAndRefusesToClearTheRest() {
        String stage = Api.vocabularyId(ws, "stages", "PROPOSAL");
        Map<String, Object> body = lesson("Send the revised quote the same day");
        body.put("rationale", "Two deals went quiet");
        body.put("stageIds", List.of(stage));
        String id = proposed(body);

        patch(id, "\"0\"", Map.of("statement", "Send the revised quote within two hours")).statusCode(200).header("ETag", "\"1\"")
                .body("statement", equalTo("Send the revised quote within two hours"))
                .body("rationale", equalTo("Two deals went quiet")).body("sourceDealIds", contains(deal))
                .body("categories", contains("RESPONSIVENESS")).body("stageIds", contains(stage));

        Map<String, Object> clear = new HashMap<>();
        clear.put("rationale", null);
        clear.put("categories", null);
        clear.put("stageIds", null);
        patch(id, "\"1\"", clear).statusCode(200)
                .body("rationale", nullValue()).body("categories", empty()).body("stageIds", empty())
                .body("statement", equalTo("Send the revised quote within two hours")).body("sourceDealIds", contains(deal));

        for (String field : List.of("statement", "sourceDealIds")) {
            Map<String, Object> nulled = new HashMap<>();
            nulled.put(field, null);
            Api.problem(patch(id, "\"2\"", nulled), 400, "body.not-clearable").body("errors[0].field", equalTo(field));
        }
        given().get(LESSON, ws, id).then().statusCode(200).header("ETag", "\"2\"").body("sourceDealIds", contains(deal));
    }

    ValidatableResponse patch(String id, String ifMatch, Map<String, Object> patch) {
        return given().contentType("application/merge-patch+json").header("If-Match", ifMatch).body(patch)
                .patch(LESSON, ws, id).then();
    }

    String proposed(Map<String, Object> body) {
        return propose(body).statusCode(201).extract().path("id");
    }

    @Test
    void eachMemberEndorsesOnceAndMayWithdraw() {
        String id = proposed("Send the revised quote the same day");
        given().put(LESSON + "/endorsement", ws, id).then().statusCode(200).body("endorsements", equalTo(1));
        given().put(LESSON + "/endorsement", ws, id).then().statusCode(200).body("endorsements", equalTo(1));
        given().delete(LESSON + "/endorsement", ws, id).then().statusCode(200).body("endorsements", equalTo(0));
        given().delete(LESSON + "/endorsement", ws, id).then().statusCode(200).body("endorsements", equalTo(0));
        String key = Api.createApiKey(ws, "admin");
        Api.problem(given().header("Authorization", "Bearer " + key).put(LESSON + "/endorsement", ws, id).then(),
                403, "access.forbidden");
    }

    @Test
    void concurrentDoubleEndorsementsCountOnce() throws Exception {
        String id = proposed("Send the revised quote the same day");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return given().put(LESSON + "/endorsement", ws, id).statusCode();
            }));
        }
        start.countDown();
        for (CompletableFuture<Integer> call : calls) {
            assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(sql.count("select count(*) from lesson_endorsement where lesson_id = ?::uuid", id)).isEqualTo(1);
        given().get(LESSON, ws, id).then().body("endorsements", equalTo(1));
    }

    @Test
    @SendsInvalidInput
    void searchesByStatusCategoryTextDealAndWhereItApplies() {
        String enterprise = Api.addVocabularyEntry(ws, "segments", "Enterprise");
        String smb = Api.addVocabularyEntry(ws, "segments", "SMB");
        String everywhere = proposed("Send the revised quote the same day");
        Map<String, Object> scoped = lesson("Bring the CFO into discovery");
        scoped.put("segmentIds", List.of(enterprise));
        scoped.put("categories", List.of("DECISION_MAKER"));
        String enterpriseOnly = propose(scoped).statusCode(201).extract().path("id");
        given().header("If-Match", "\"0\"").post(LESSON + "/adopt", ws, enterpriseOnly).then().statusCode(200);
        given().put(LESSON + "/endorsement", ws, enterpriseOnly).then().statusCode(200);

        given().get(LESSONS + "?status=ADOPTED", ws).then().body("items.id", contains(enterpriseOnly));
        given().get(LESSONS + "?category=RESPONSIVENESS", ws).then().body("items.id", contains(everywhere));
        given().get(LESSONS + "?q=cfo", ws).then().body("items.id", contains(enterpriseOnly));
        given().get(LESSONS + "?segmentId=" + smb, ws).then().body("items.id", contains(everywhere));
        given().get(LESSONS + "?segmentId=" + enterprise + "&sort=-endorsements", ws).then()
                .body("items.id", contains(enterpriseOnly, everywhere));
        given().get(LESSONS + "?dealId=" + deal, ws).then().body("items", hasSize(2));
        given().get(LESSONS + "?dealId=" + Api.createDeal(ws, "Other"), ws).then().body("items", empty());

        String cursor = given().get(LESSONS + "?limit=1", ws).then().body("items.id", contains(enterpriseOnly))
                .extract().path("nextCursor");
        given().get(LESSONS + "?limit=1&cursor=" + cursor, ws).then().body("items.id", contains(everywhere))
                .body("nextCursor", nullValue());
        Api.problem(given().get(LESSONS + "?limit=1&status=ADOPTED&cursor=" + cursor, ws).then(), 400, "cursor.mismatch");
        Api.problem(given().get(LESSONS + "?sort=name", ws).then(), 400, "query.invalid");
    }

    @Test
    void aCitedDealCantBeDeleted() {
        proposed("Send the revised quote the same day");
        Api.problem(given().header("If-Match", "\"0\"").delete("/api/v1/workspaces/{ws}/deals/{d}", ws, deal).then(),
                409, "deal.cited");
    }

    @Test
    void anotherWorkspacesLessonIsNotFound() {
        String id = proposed("Send the revised quote the same day");
        String other = Api.createWorkspace();
        Api.problem(given().get(LESSON, other, id).then(), 404, "lesson.not-found");
    }
}
