package dev.debrief.bootstrap.deal;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Every way a deal write can be rejected, each with its status, code and field, and nothing written. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DealRulesTest {

    static final String DEALS = "/api/v1/workspaces/{ws}/deals";
    static final String DEAL = DEALS + "/{deal}";

    @Inject
    Sql sql;

    String ws;

    @BeforeEach
    void workspace() {
        ws = Api.createWorkspace();
    }

    // --- creating ---------------------------------------------------------------------------

    @Test
    void rejectsAStageThatDoesNotExistInTheWorkspace() {
        String otherStage = Api.vocabularyId(Api.createWorkspace(), "stages", "DISCOVERY");
        rejectedCreate(Map.of("name", "x", "stageId", otherStage), 422, "reference.not-found", "stageId");
    }

    @Test
    void rejectsAVocabularyValueOfTheWrongKind() {
        String segment = Api.addVocabularyEntry(ws, "segments", "Enterprise");
        rejectedCreate(Map.of("name", "x", "stageId", segment), 422, "vocabulary.wrong-kind", "stageId");
    }

    @Test
    void rejectsAnArchivedVocabularyValueForANewDeal() {
        String segment = Api.addVocabularyEntry(ws, "segments", "Legacy");
        given().contentType(ContentType.JSON).body(Map.of("archived", true))
                .patch("/api/v1/workspaces/{ws}/vocabularies/segments/{id}", ws, segment).then().statusCode(200);
        rejectedCreate(Map.of("name", "x", "segmentId", segment), 422, "vocabulary.archived", "segmentId");
    }

    @ParameterizedTest(name = "{0} -> {2} at {3}")
    @CsvSource(delimiter = '|', value = {
            "{\"account\":\"a\"}|400|validation.failed|name",
            "{\"name\":\"  \"}|400|validation.failed|name",
            "{\"name\":\"x\",\"amount\":{\"value\":-1,\"currency\":\"EUR\"}}|400|validation.failed|amount.value",
            "{\"name\":\"x\",\"amount\":{\"value\":1.234,\"currency\":\"EUR\"}}|400|validation.failed|amount.value",
            "{\"name\":\"x\",\"amount\":{\"value\":10,\"currency\":\"eur\"}}|400|validation.failed|amount.currency",
            "{\"name\":\"x\",\"amount\":{\"value\":10,\"currency\":\"XYZ\"}}|422|currency.invalid|amount.currency",
            "{\"name\":\"x\",\"amount\":{\"value\":10}}|400|validation.failed|amount.currency",
            "{\"name\":\"x\",\"pitchedTermMonths\":0}|400|validation.failed|pitchedTermMonths",
            "{\"name\":\"x\",\"pitchedTermMonths\":1.5}|400|body.invalid-type|pitchedTermMonths",
            "{\"name\":\"x\",\"pitchedTermMonths\":\"12\"}|400|body.invalid-type|pitchedTermMonths",
            "{\"name\":\"x\",\"pitchedAt\":\"02/03/2026\"}|400|body.invalid-type|pitchedAt",
            "{\"name\":\"x\",\"riskTags\":[\"RISKY\"]}|400|body.invalid-type|riskTags[0]",
            "{\"name\":\"x\",\"stageId\":\"not-a-uuid\"}|400|body.invalid-type|stageId",
            "{\"name\":\"x\",\"externalReference\":{\"source\":\"Sales Force\",\"externalId\":\"1\"}}|400|validation.failed|externalReference.source",
            "{\"name\":\"x\",\"id\":\"0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e\"}|400|body.unknown-field|id",
            "{\"name\":\"x\",\"workspaceId\":\"0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e\"}|400|body.unknown-field|workspaceId",
            "{\"name\":\"x\",\"version\":3}|400|body.unknown-field|version",
            "{\"name\":\"x\",\"outcome\":\"WON\"}|400|body.unknown-field|outcome",
            "{\"name\":\"x\",\"createdAt\":\"2026-01-01T00:00:00Z\"}|400|body.unknown-field|createdAt",
            "{\"name\":\"x\",\"owner\":{\"id\":\"0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e\"}}|400|body.unknown-field|owner",
            "{\"name\":\"x\",\"ownerId\":\"0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e\"}|422|reference.not-found|ownerId",
            "{\"name\":\"x\"|400|body.malformed|body",
            "[]|400|body.invalid-type|body",
    })
    @SendsInvalidInput
    void rejectsMalformedDeals(String body, int status, String code, String field) {
        long before = sql.rowsOf(ws);
        given().contentType(ContentType.JSON).body(body).post(DEALS, ws).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("errors.field", hasItem(field));
        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    @Test
    @SendsInvalidInput
    void rejectsATooLongName() {
        rejectedCreate(Map.of("name", "x".repeat(201)), 400, "validation.failed", "name");
    }

    @Test
    void rejectsASecondDealWithTheSameExternalReference() {
        Map<String, Object> body = Map.of("name", "x", "externalReference", Map.of("source", "salesforce", "externalId", "7"));
        Api.createDeal(ws, body).statusCode(201);
        long before = sql.rowsOf(ws);
        Api.createDeal(ws, body).statusCode(409).body("code", equalTo("deal.external-reference-taken"));
        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    @Test
    void rejectsADealInAnUnknownWorkspace() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .post(DEALS, "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e").then()
                .statusCode(404).body("code", equalTo("workspace.not-found"));
    }

    // --- closing ------------------------------------------------------------------------------

    @Test
    void aLossNeedsItsAnalysis() {
        rejectedClose(Map.of("outcome", "LOST", "closedOn", "2026-11-20"), 422, "outcome.loss-analysis-required", "lossAnalysis");
    }

    @Test
    void aWinHasNoAnalysis() {
        rejectedClose(Map.of("outcome", "WON", "closedOn", "2026-11-20", "lossAnalysis", Api.lossAnalysis(ws)),
                422, "outcome.analysis-only-for-lost", "lossAnalysis");
    }

    @Test
    void aClosedDateInTheFutureIsRejected() {
        String tomorrow = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).plusDays(1).toString();
        rejectedClose(Map.of("outcome", "WON", "closedOn", tomorrow), 422, "outcome.closed-date-in-future", "closedOn");
    }

    @Test
    void openIsNotAnOutcomeToCloseWith() {
        rejectedClose(Map.of("outcome", "OPEN", "closedOn", "2026-11-20"), 422, "outcome.invalid", "outcome");
    }

    @Test
    void aLossNeedsAPrimaryReason() {
        rejectedClose(lost(analysis(a -> a.remove("primaryReason"))), 422, "loss-analysis.primary-reason-required",
                "lossAnalysis.primaryReason");
    }

    @Test
    void aReasonIsNotBothPrimaryAndContributing() {
        String slow = Api.reasonId(ws, "SLOW_RESPONSE");
        rejectedClose(lost(analysis(a -> a.put("contributingReasons", List.of(Map.of("reasonId", slow))))),
                422, "loss-analysis.reason-repeated", "lossAnalysis.contributingReasons[0].reasonId");
    }

    @Test
    void aPartlyControllableReasonNeedsADecision() {
        String competitor = Api.reasonId(ws, "LOST_TO_COMPETITOR");
        rejectedClose(lost(analysis(a -> {
            a.put("primaryReason", Map.of("reasonId", competitor));
            a.put("competitor", "Globex");
        })), 422, "loss-analysis.controllability-undecided", "lossAnalysis.primaryReason.controllable");
    }

    @Test
    void aLossToACompetitorNamesTheCompetitor() {
        String competitor = Api.reasonId(ws, "LOST_TO_COMPETITOR");
        rejectedClose(lost(analysis(a -> a.put("contributingReasons",
                        List.of(Map.of("reasonId", competitor, "controllable", false))))),
                422, "loss-analysis.competitor-required", "lossAnalysis.competitor");
    }

    @Test
    void anArchivedReasonCanNotBeChosen() {
        String budget = Api.reasonId(ws, "NO_BUDGET");
        given().contentType(ContentType.JSON).body(Map.of("archived", true))
                .patch("/api/v1/workspaces/{ws}/loss-reasons/{id}", ws, budget).then().statusCode(200);
        rejectedClose(lost(analysis(a -> a.put("primaryReason", Map.of("reasonId", budget)))),
                422, "loss-analysis.reason-archived", "lossAnalysis.primaryReason.reasonId");
    }

    @Test
    void aReasonOfAnotherWorkspaceDoesNotResolve() {
        String foreign = Api.reasonId(Api.createWorkspace(), "SLOW_RESPONSE");
        rejectedClose(lost(analysis(a -> a.put("primaryReason", Map.of("reasonId", foreign)))),
                422, "reference.not-found", "lossAnalysis.primaryReason.reasonId");
    }

    @Test
    void theStageLostAtIsAPipelineStage() {
        String persona = Api.addVocabularyEntry(ws, "personas", "CFO");
        rejectedClose(lost(analysis(a -> a.put("stageLostAtId", persona))), 422, "vocabulary.wrong-kind",
                "lossAnalysis.stageLostAtId");
        rejectedClose(lost(analysis(a -> a.remove("stageLostAtId"))), 422, "loss-analysis.stage-lost-at-required",
                "lossAnalysis.stageLostAtId");
    }

    @Test
    void theFitIsAlwaysDecided() {
        rejectedClose(lost(analysis(a -> a.remove("fit"))), 422, "loss-analysis.fit-required", "lossAnalysis.fit");
    }

    @Test
    void aClosedDealCanNotBeClosedAgain() {
        String id = Api.createDeal(ws, "x");
        close(id, "\"0\"", Map.of("outcome", "WON", "closedOn", "2026-11-20")).statusCode(200);
        long before = sql.rowsOf(ws);
        close(id, "\"1\"", Map.of("outcome", "NO_DECISION", "closedOn", "2026-11-20")).statusCode(409)
                .body("code", equalTo("deal.already-closed"));
        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    @Test
    void anOpenDealCanNotBeReopened() {
        String id = Api.createDeal(ws, "x");
        given().header("If-Match", "\"0\"").post(DEAL + "/reopen", ws, id).then().statusCode(409)
                .body("code", equalTo("deal.not-closed"));
    }

    @Test
    void onlyALostDealHasAnAnalysisToAmend() {
        String id = Api.createDeal(ws, "x");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Api.lossAnalysis(ws))
                .put(DEAL + "/loss-analysis", ws, id).then().statusCode(409).body("code", equalTo("deal.not-lost"));
        given().get(DEAL + "/loss-analysis", ws, id).then().statusCode(404).body("code", equalTo("loss-analysis.not-found"));
    }

    // --- If-Match -----------------------------------------------------------------------------

    @Test
    void writesWithoutIfMatchAreRefusedWith428() {
        String id = Api.createDeal(ws, "x");
        long before = sql.rowsOf(ws);
        given().contentType("application/merge-patch+json").body("{\"name\":\"y\"}").patch(DEAL, ws, id).then()
                .statusCode(428).body("code", equalTo("precondition.required")).body("errors[0].field", equalTo("If-Match"));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "WON", "closedOn", "2026-11-20"))
                .post(DEAL + "/close", ws, id).then().statusCode(428);
        given().post(DEAL + "/reopen", ws, id).then().statusCode(428);
        given().delete(DEAL, ws, id).then().statusCode(428);
        given().contentType(ContentType.JSON).body(Api.lossAnalysis(ws)).put(DEAL + "/loss-analysis", ws, id).then().statusCode(428);
        assertThat(sql.rowsOf(ws)).isEqualTo(before);
        given().get(DEAL, ws, id).then().body("name", equalTo("x")).body("version", equalTo(0));
    }

    @Test
    void writesWithAStaleETagAreRefusedWith412() {
        String id = Api.createDeal(ws, "x");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"name\":\"y\"}")
                .patch(DEAL, ws, id).then().statusCode(200);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"name\":\"z\"}")
                .patch(DEAL, ws, id).then().statusCode(412).body("code", equalTo("precondition.failed"));
        given().header("If-Match", "W/\"0\"").delete(DEAL, ws, id).then().statusCode(412);
        given().header("If-Match", "\"garbage\"").delete(DEAL, ws, id).then().statusCode(412);
        given().get(DEAL, ws, id).then().body("name", equalTo("y")).header("ETag", "\"1\"");
    }

    @Test
    void ifMatchStarMatchesWhateverVersionIsCurrent() {
        String id = Api.createDeal(ws, "x");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"name\":\"y\"}")
                .patch(DEAL, ws, id).then().statusCode(200);

        given().contentType("application/merge-patch+json").header("If-Match", "*").body("{\"name\":\"z\"}")
                .patch(DEAL, ws, id).then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("z"));
        given().contentType(ContentType.JSON).header("If-Match", "*").body("{\"outcome\":\"WON\",\"closedOn\":\""
                + LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1) + "\"}")
                .post(DEAL + "/close", ws, id).then().statusCode(200).header("ETag", "\"3\"");
        given().header("If-Match", "*").post(DEAL + "/reopen", ws, id).then().statusCode(200);
        given().header("If-Match", "*").delete(DEAL, ws, id).then().statusCode(204);
        Api.problem(given().header("If-Match", "*").delete(DEAL, ws, id).then(), 404, "deal.not-found");
    }

    @Test
    @SendsInvalidInput
    void aMergePatchMayNotTouchServerOwnedFieldsOrBreakTheDeal() {
        String id = Api.createDeal(ws, "x");
        patch(id, "{\"outcome\":\"WON\"}").statusCode(400).body("code", equalTo("body.unknown-field")).body("errors[0].field", equalTo("outcome"));
        patch(id, "{\"name\":null}").statusCode(400).body("code", equalTo("validation.failed")).body("errors[0].field", equalTo("name"));
        patch(id, "[1]").statusCode(400).body("code", equalTo("body.invalid"));
        patch(id, "{\"pitchedTermMonths\":\"x\"}").statusCode(400).body("errors[0].field", equalTo("pitchedTermMonths"));
        given().contentType(ContentType.TEXT).header("If-Match", "\"0\"").body("{\"name\":\"y\"}")
                .patch(DEAL, ws, id).then().statusCode(415).body("code", equalTo("media-type.unsupported"));
        given().get(DEAL, ws, id).then().body("name", equalTo("x")).body("version", equalTo(0));
    }

    // --- helpers ------------------------------------------------------------------------------

    private ValidatableResponse patch(String id, String body) {
        return given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(body)
                .patch(DEAL, ws, id).then();
    }

    private void rejectedCreate(Map<String, Object> body, int status, String code, String field) {
        long before = sql.rowsOf(ws);
        Api.createDeal(ws, body).statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("errors.field", hasItem(field));
        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    private void rejectedClose(Map<String, Object> body, int status, String code, String field) {
        String id = Api.createDeal(ws, "x " + System.nanoTime());
        long before = sql.rowsOf(ws);
        close(id, "\"0\"", body).statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("errors.field", hasItem(field));
        assertThat(sql.rowsOf(ws)).isEqualTo(before);
        given().get(DEAL, ws, id).then().body("outcome", equalTo("OPEN")).body("version", equalTo(0));
    }

    private Map<String, Object> lost(Map<String, Object> analysis) {
        return Map.of("outcome", "LOST", "closedOn", "2026-11-20", "lossAnalysis", analysis);
    }

    private Map<String, Object> analysis(java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> analysis = new HashMap<>(Api.lossAnalysis(ws));
        change.accept(analysis);
        return analysis;
    }

    private ValidatableResponse close(String id, String etag, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post(DEAL + "/close", ws, id).then();
    }
}
