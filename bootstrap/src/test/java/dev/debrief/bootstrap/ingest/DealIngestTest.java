package dev.debrief.bootstrap.ingest;

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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Partner ingest end to end: the single upsert by external id and the batch, against PostgreSQL. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DealIngestTest {

    static final String UPSERT = "/api/v1/workspaces/{ws}/deals-by-external-id/{source}/{id}";
    static final String BATCH = "/api/v1/workspaces/{ws}/deal-outcomes/batch";
    static final Instant T1 = Instant.parse("2026-01-10T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-01-11T10:00:00Z");
    static final Instant T3 = Instant.parse("2026-01-12T10:00:00Z");

    @Inject
    Sql sql;

    String ws;

    @BeforeEach
    void workspace() {
        ws = Api.createWorkspace();
    }

    static Map<String, Object> open(Instant at, String name) {
        Map<String, Object> state = new HashMap<>();
        state.put("occurredAt", at.toString());
        state.put("name", name);
        state.put("account", "Acme");
        state.put("ownerEmail", "ALICE@example.com");
        state.put("amount", Map.of("value", 12000, "currency", "EUR"));
        state.put("stage", "proposal");
        state.put("outcome", "OPEN");
        return state;
    }

    static Map<String, Object> lost(Instant at, Map<String, Object> analysis) {
        Map<String, Object> state = open(at, "Acme rollout");
        state.put("outcome", "LOST");
        state.put("closedOn", "2026-01-09");
        if (analysis != null) {
            state.put("lossAnalysis", analysis);
        }
        return state;
    }

    static Map<String, Object> item(String externalId, Map<String, Object> state) {
        Map<String, Object> item = new HashMap<>(state);
        item.put("source", "hubspot");
        item.put("externalId", externalId);
        return item;
    }

    ValidatableResponse put(String externalId, Map<String, Object> state) {
        return given().contentType(ContentType.JSON).body(state).put(UPSERT, ws, "salesforce", externalId).then();
    }

    ValidatableResponse batch(String key, List<Map<String, Object>> items) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("items", items))
                .post(BATCH, ws).then();
    }

    // --- single upsert ------------------------------------------------------------------------

    @Test
    void createsThenUpdatesThenReportsUnchangedAndStale() {
        var created = put("006-1", open(T2, "Acme rollout")).statusCode(201)
                .header("ETag", "\"0\"")
                .body("result", equalTo("created"))
                .body("triage", org.hamcrest.Matchers.empty())
                .body("deal.name", equalTo("Acme rollout"))
                .body("deal.owner.displayName", equalTo("alice"))
                .body("deal.stageId", equalTo(Api.vocabularyId(ws, "stages", "PROPOSAL")))
                .body("deal.externalReference.source", equalTo("salesforce"))
                .body("deal.amount.value", equalTo(12000f)).body("deal.amount.currency", equalTo("EUR"))
                .extract();
        String dealId = created.path("deal.id");
        assertThat(created.header("Location")).as("the deal in the deal API")
                .endsWith("/api/v1/workspaces/" + ws + "/deals/" + dealId);
        given().get(created.header("Location")).then().statusCode(200).body("id", equalTo(dealId));

        put("006-1", open(T2, "Acme rollout")).statusCode(200).body("result", equalTo("unchanged"))
                .header("Location", nullValue())
                .header("ETag", "\"0\"");
        put("006-1", open(T1, "Older name")).statusCode(200).body("result", equalTo("stale"))
                .body("deal.name", equalTo("Acme rollout"));
        put("006-1", open(T2, "Same time, other name")).statusCode(200).body("result", equalTo("stale"));
        put("006-1", open(T3, "Renamed")).statusCode(200).body("result", equalTo("updated"))
                .header("ETag", "\"1\"")
                .body("deal.id", equalTo(dealId)).body("deal.name", equalTo("Renamed"));

        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid", ws)).isEqualTo(1);
        assertThat(sql.count("select count(*) from audit_event where workspace_id = ?::uuid and resource = 'deal'", ws))
                .as("one row for the create, one for the update").isEqualTo(2);
    }

    @Test
    void aDealMadeInDebriefAndGivenAnExternalReferenceIsUpdatedByThePushNotDuplicated() {
        String dealId = Api.createDeal(ws, "Made by hand");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("externalReference", Map.of("source", "salesforce", "externalId", "006-hand")))
                .patch("/api/v1/workspaces/{ws}/deals/{d}", ws, dealId).then().statusCode(200);

        put("006-hand", open(T1, "Named by the CRM")).statusCode(200).body("result", equalTo("updated"))
                .body("deal.id", equalTo(dealId)).body("deal.name", equalTo("Named by the CRM"));
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid", ws)).isEqualTo(1);
    }

    @Test
    void updateOnlyRefusesToCreate() {
        Api.problem(given().contentType(ContentType.JSON).body(open(T1, "x"))
                .put(UPSERT + "?updateOnly=true", ws, "salesforce", "nope").then(), 404, "deal.not-found");
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid", ws)).isZero();

        put("006-2", open(T1, "Acme")).statusCode(201);
        given().contentType(ContentType.JSON).body(open(T2, "Acme 2"))
                .put(UPSERT + "?updateOnly=true", ws, "salesforce", "006-2").then().statusCode(200)
                .body("result", equalTo("updated"));
    }

    @Test
    void aLossWithOnlyPartnerTextIsPendingTriageWithTheTextVerbatim() {
        put("006-3", lost(T1, Map.of("reasonText", "Price too high – went with X"))).statusCode(201)
                .body("deal.outcome", equalTo("LOST"))
                .body("deal.lossAnalysis.status", equalTo("PENDING_TRIAGE"))
                .body("deal.lossAnalysis.source", equalTo("PARTNER"))
                .body("deal.lossAnalysis.primaryReason", nullValue())
                .body("deal.lossAnalysis.partnerReasonText", equalTo("Price too high – went with X"));
        put("006-4", lost(T1, null)).statusCode(201).body("deal.lossAnalysis.status", equalTo("PENDING_TRIAGE"));
    }

    @Test
    void aCompletePartnerAnalysisIsComplete() {
        put("006-5", lost(T1, Map.of("reasonCodes", List.of("SLOW_RESPONSE", "BAD_TIMING"), "stageLostAt", "Proposal",
                "fit", "GOOD_FIT"))).statusCode(201)
                .body("deal.lossAnalysis.status", equalTo("COMPLETE"))
                .body("deal.lossAnalysis.primaryReason.reasonId", equalTo(Api.reasonId(ws, "SLOW_RESPONSE")))
                .body("deal.lossAnalysis.contributingReasons[0].controllable", equalTo(false));
        assertThat(sql.count("select count(*) from deal_outcome_change c join deal d on d.id = c.deal_id "
                + "where d.workspace_id = ?::uuid and c.kind = 'CLOSED'", ws)).isEqualTo(1);
    }

    @Test
    void unknownOwnersAndVocabularyAreAcceptedEmptyAndFlagged() {
        Map<String, Object> state = open(T1, "Acme");
        state.put("ownerEmail", "nobody@elsewhere.test");
        state.put("stage", "Closed Lost – Discovery");
        state.put("segment", "Galactic");
        put("006-6", state).statusCode(201)
                .body("triage", contains("OWNER", "STAGE", "SEGMENT"))
                .body("deal.owner", nullValue())
                .body("deal.stageId", nullValue());
        assertThat(sql.count("select count(*) from deal_triage t join deal d on d.id = t.deal_id "
                + "where d.workspace_id = ?::uuid and t.raw_value = 'Closed Lost – Discovery'", ws)).isEqualTo(1);
    }

    @Test
    void anAnalysisAMemberEditedIsNeverOverwritten() {
        String dealId = put("006-7", lost(T1, Map.of("reasonText", "Price"))).statusCode(201).extract().path("deal.id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Api.lossAnalysis(ws))
                .put("/api/v1/workspaces/{ws}/deals/{deal}/loss-analysis", ws, dealId).then().statusCode(200);

        Map<String, Object> later = lost(T2, Map.of("reasonText", "Something else entirely"));
        later.put("name", "Renamed by the CRM");
        put("006-7", later).statusCode(200).body("result", equalTo("updated"))
                .body("deal.name", equalTo("Renamed by the CRM"))
                .body("deal.lossAnalysis.source", equalTo("DEBRIEF"))
                .body("deal.lossAnalysis.status", equalTo("COMPLETE"))
                .body("deal.lossAnalysis.primaryReason.reasonId", equalTo(Api.reasonId(ws, "SLOW_RESPONSE")))
                .body("deal.lossAnalysis.partnerReasonText", equalTo("Price"));
    }

    @Test
    void aDeletedDealIsNotBroughtBack() {
        String dealId = put("006-8", open(T1, "Acme")).statusCode(201).extract().path("deal.id");
        given().header("If-Match", "\"0\"").delete("/api/v1/workspaces/{ws}/deals/{deal}", ws, dealId).then().statusCode(204);

        Api.problem(put("006-8", open(T2, "Acme again")), 409, "deal.deleted");
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid", ws)).isZero();
    }

    @Test
    @SendsInvalidInput
    void rejectsBadStatesWithTheFieldAtFault() {
        Map<String, Object> future = open(Instant.now().plusSeconds(3600), "x");
        Api.problem(put("006-9", future), 422, "ingest.occurred-at-in-future")
                .body("errors[0].field", equalTo("occurredAt"));
        Map<String, Object> noDate = lost(T1, null);
        noDate.remove("closedOn");
        Api.problem(put("006-9", noDate), 422, "value.required").body("errors[0].field", equalTo("closedOn"));
        Api.problem(put("006-9", lost(T1, Map.of("reasonCodes", List.of("NOT_A_CODE")))), 422, "reference.not-found")
                .body("errors[0].field", equalTo("lossAnalysis.reasonCodes[0]"));
        Map<String, Object> tomorrow = lost(T1, null);
        tomorrow.put("closedOn", LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2).toString());
        Api.problem(put("006-9", tomorrow), 422, "outcome.closed-date-in-future");
        Map<String, Object> mismatch = open(T1, "x");
        mismatch.put("externalId", "other");
        Api.problem(put("006-9", mismatch), 400, "ingest.reference-mismatch");
        Api.problem(given().contentType(ContentType.JSON).body(open(T1, "x"))
                .put(UPSERT, ws, "Sales Force!", "1").then(), 422, "deal.external-source-invalid");
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid", ws)).isZero();
    }

    /** The partner API's money is the deal API's: the same shape, and a wrong one is named as DealRulesTest names it. */
    @ParameterizedTest(name = "{0} -> {2} at {3}")
    @CsvSource(delimiter = '|', value = {
            "{\"value\":-1,\"currency\":\"EUR\"}|400|validation.failed|amount.value",
            "{\"value\":1.234,\"currency\":\"EUR\"}|400|validation.failed|amount.value",
            "{\"value\":10,\"currency\":\"eur\"}|400|validation.failed|amount.currency",
            "{\"value\":10,\"currency\":\"XYZ\"}|422|currency.invalid|amount.currency",
            "{\"value\":10}|400|validation.failed|amount.currency",
            "{\"currency\":\"EUR\"}|400|validation.failed|amount.value",
            "12000|400|body.invalid-type|amount",
    })
    @SendsInvalidInput
    void theAmountIsTheDealApisAmountWithItsProblems(String amount, int status, String code, String field) throws Exception {
        Map<String, Object> state = open(T1, "Acme");
        state.put("amount", new com.fasterxml.jackson.databind.ObjectMapper().readTree(amount));
        given().contentType(ContentType.JSON).body(state).put(UPSERT, ws, "salesforce", "money-1").then()
                .statusCode(status).contentType("application/problem+json")
                .body("code", equalTo(code)).body("errors.field", org.hamcrest.Matchers.hasItem(field));
        batch(UUID.randomUUID().toString(), List.of(item("money-2", state), item("money-3", open(T1, "Fine")))).statusCode(207)
                .body("results.result", contains("rejected", "created"))
                .body("results[0].problem.status", equalTo(status))
                .body("results[0].problem.code", equalTo(code))
                .body("results[0].problem.errors[0].field", equalTo("items[0]." + field))
                .body("results[0].problem.type", equalTo("https://debrief.dev/problems/" + code))
                .body("results[0].problem.instance", org.hamcrest.Matchers.startsWith("urn:debrief:request:"))
                .body("results[0].triage", org.hamcrest.Matchers.empty())
                .body("results[0].dealId", nullValue())
                .body("results[1].problem", nullValue());
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid and external_id like 'money-%'", ws))
                .as("only the fine item").isEqualTo(1);
    }

    // --- batch --------------------------------------------------------------------------------

    @Test
    @SendsInvalidInput
    void reportsEachItemInRequestOrderWithTotals() {
        put("seed", open(T1, "Seeded"));
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item("b-1", open(T1, "New deal")));                     // created
        Map<String, Object> invalid = item("b-2", open(T1, "Broken"));
        invalid.put("closedOn", "2026-13-45");                               // rejected: not a date
        items.add(invalid);
        items.add(item("b-3", lost(T1, Map.of("reasonText", "No budget")))); // created, pending triage
        String key = UUID.randomUUID().toString();

        batch(key, items).statusCode(207)
                .body("results.result", contains("created", "rejected", "created"))
                .body("results.index", contains(0, 1, 2))
                .body("results[1].problem.code", equalTo("body.invalid-type"))
                .body("results[1].problem.status", equalTo(400))
                .body("results[1].problem.errors[0].field", equalTo("items[1].closedOn"))
                .body("results[1].externalId", equalTo("b-2"))
                .body("results[0].dealId", notNullValue())
                .body("totals.created", equalTo(2)).body("totals.rejected", equalTo(1))
                .body("totals.updated", equalTo(0));

        List<Map<String, Object>> second = List.of(
                item("b-1", open(T1, "New deal")),        // unchanged
                item("b-1", open(T2, "Renamed")),         // updated (after the first, by occurredAt)
                item("b-3", lost(T1, Map.of("reasonText", "Other text")))); // stale: same time, other content
        batch(UUID.randomUUID().toString(), second).statusCode(200)
                .body("results.result", contains("unchanged", "updated", "stale"))
                .body("totals.unchanged", equalTo(1)).body("totals.updated", equalTo(1)).body("totals.stale", equalTo(1));
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid and external_source = 'hubspot'", ws))
                .isEqualTo(2);
    }

    @Test
    @SendsInvalidInput
    void aBatchAnswers207WhenAnyItemIsRejectedAnd200WhenNoneIs() {
        List<Map<String, Object>> broken = List.<Map<String, Object>>of(Map.of("externalId", "only-id"), Map.of("source", 7));
        String key = UUID.randomUUID().toString();
        String answer = batch(key, broken).statusCode(207)
                .body("results.result", contains("rejected", "rejected"))
                .body("totals.rejected", equalTo(2)).body("totals.created", equalTo(0))
                .extract().asString();
        batch(key, broken).statusCode(207).header("Idempotent-Replayed", "true").body(equalTo(answer));
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid", ws)).isZero();

        batch(UUID.randomUUID().toString(), List.of(item("s-1", open(T2, "New")))).statusCode(200);
        batch(UUID.randomUUID().toString(), List.of(item("s-1", open(T1, "Older")))).statusCode(200)
                .body("results[0].result", equalTo("stale"));
    }

    @Test
    void mergesSeveralStatesOfOneDealInSourceOrder() {
        List<Map<String, Object>> items = List.of(
                item("m-1", lost(T3, Map.of("reasonText", "Newest: lost"))),
                item("m-1", open(T1, "Oldest")),
                item("m-1", open(T2, "Middle")));

        batch(UUID.randomUUID().toString(), items).statusCode(200)
                .body("results.result", contains("updated", "created", "updated"));

        List<Map<String, Object>> rows = sql.rows("select name, outcome from deal where workspace_id = ?::uuid", ws);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("name")).isEqualTo("Acme rollout");
            assertThat(r.get("outcome")).isEqualTo("LOST");
        });
    }

    @Test
    void anUnknownOrArchivedReasonRejectsOnlyItsItem() {
        List<Map<String, Object>> items = List.of(
                item("r-1", lost(T1, Map.of("reasonCodes", List.of("NOPE")))),
                item("r-2", open(T1, "Fine")));
        batch(UUID.randomUUID().toString(), items).statusCode(207)
                .body("results[0].problem.code", equalTo("reference.not-found"))
                .body("results[0].problem.errors[0].field", equalTo("items[0].lossAnalysis.reasonCodes[0]"))
                .body("results[1].result", equalTo("created"));
    }

    @Test
    @SendsInvalidInput
    void limitsAndShape() {
        Api.problem(batch(UUID.randomUUID().toString(), List.of()), 400, "value.required");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("externalId", "x" + i));
        }
        Api.problem(batch(UUID.randomUUID().toString(), tooMany), 413, "batch.too-large");
        Api.problem(given().contentType(ContentType.JSON).header("Idempotency-Key", "k")
                .body(Map.of("items", List.of(item("a", open(T1, "a"))), "extra", 1)).post(BATCH, ws).then(),
                400, "body.unknown-field");
        batch(UUID.randomUUID().toString(), List.of(Map.of("source", "hubspot", "externalId", "y", "name", "n",
                "occurredAt", T1.toString(), "outcome", "OPEN", "secret", "x"))).statusCode(207)
                .body("results[0].problem.code", equalTo("body.unknown-field"));
    }

    @Test
    void aKeyOfAnotherWorkspaceCannotTouchThisWorkspacesDeal() {
        put("shared-id", open(T1, "Mine"));
        String other = Api.createWorkspace();
        String otherKey = Api.createApiKey(other, "deals:write");

        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + otherKey)
                .body(open(T2, "Theirs")).put(UPSERT, other, "salesforce", "shared-id").then().statusCode(201);
        Api.problem(given().contentType(ContentType.JSON).header("Authorization", "Bearer " + otherKey)
                .body(open(T2, "Theirs")).put(UPSERT, ws, "salesforce", "shared-id").then(), 404, "workspace.not-found");

        assertThat(sql.rows("select name from deal where workspace_id = ?::uuid", ws))
                .singleElement().satisfies(r -> assertThat(r.get("name")).isEqualTo("Mine"));
    }
}
