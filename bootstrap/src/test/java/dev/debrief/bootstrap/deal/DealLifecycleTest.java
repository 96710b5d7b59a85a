package dev.debrief.bootstrap.deal;

import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DealLifecycleTest {

    static final String DEALS = "/api/v1/workspaces/{ws}/deals";
    static final String DEAL = DEALS + "/{deal}";

    @Inject
    Sql sql;

    String ws;

    @BeforeEach
    void workspace() {
        ws = Api.createWorkspace();
    }

    @Test
    void recordsADealWithAllItsFields() {
        String stage = Api.vocabularyId(ws, "stages", "DISCOVERY");
        String segment = Api.addVocabularyEntry(ws, "segments", "Mid-market");
        String team = Api.addVocabularyEntry(ws, "teams", "EMEA North");
        Map<String, Object> body = new HashMap<>();
        body.put("name", "  Acme renewal ");
        body.put("account", "Acme");
        String alice = Api.myMemberId(ws);
        body.put("ownerId", alice);
        body.put("teamId", team);
        body.put("amount", Map.of("value", 48000.5, "currency", "EUR"));
        body.put("stageId", stage);
        body.put("segmentId", segment);
        body.put("pitchedAt", "2026-03-02");
        body.put("pitchedTermMonths", 12);
        body.put("riskTags", List.of("NEW_MARKET", "BIGGER_DEAL"));
        body.put("competitor", "Globex");
        body.put("externalReference", Map.of("source", "salesforce", "externalId", "006A"));

        String id = Api.createDeal(ws, body).statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", "\"0\"")
                .body("name", equalTo("Acme renewal"))
                .body("outcome", equalTo("OPEN"))
                .body("amount.value", equalTo(48000.50f))
                .body("amount.currency", equalTo("EUR"))
                .body("riskTags", contains("NEW_MARKET", "BIGGER_DEAL"))
                .body("externalReference.source", equalTo("salesforce"))
                .body("version", equalTo(0))
                .extract().path("id");

        given().get(DEAL, ws, id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("owner.id", equalTo(Api.myMemberId(ws)))
                .body("owner.displayName", equalTo("alice"))
                .body("teamId", equalTo(team))
                .body("segmentId", equalTo(segment))
                .body("pitchedTermMonths", equalTo(12))
                .body("lossAnalysis", nullValue());
        assertThat(sql.count("select count(*) from deal where id = ? and workspace_id = ?", id, ws)).isEqualTo(1);
    }

    @Test
    void aWriteAnswersWithTheTimestampsEveryLaterReadShows() {
        var created = Api.createDeal(ws, Map.of("name", "Timestamps")).statusCode(201).extract();
        String id = created.path("id");

        given().get("/api/v1/workspaces/{ws}/deals/{id}", ws, id).then().statusCode(200)
                .body("createdAt", equalTo(created.path("createdAt")))
                .body("updatedAt", equalTo(created.path("updatedAt")));
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndNullClears() {
        String id = Api.createDeal(ws, Map.of("name", "Acme", "account", "Acme Corp", "competitor", "Globex"))
                .statusCode(201).extract().path("id");

        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\":\"Acme platform\",\"competitor\":null}")
                .patch(DEAL, ws, id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Acme platform"))
                .body("account", equalTo("Acme Corp"))
                .body("competitor", nullValue())
                .body("version", equalTo(1));
    }

    /**
     * The bug a generated Java client met: its patch model sent every field, so a patch of the competitor
     * cleared the risk tags. With DealPatch nothing is required; the service leaves alone what a patch omits.
     */
    @Test
    void aPatchOfOnlyTheCompetitorLeavesTheRiskTagsAndEveryOtherFieldAlone() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Acme renewal");
        body.put("account", "Acme");
        body.put("ownerId", Api.myMemberId(ws));
        body.put("teamId", Api.addVocabularyEntry(ws, "teams", "EMEA North"));
        body.put("amount", Map.of("value", 48000.5, "currency", "EUR"));
        body.put("stageId", Api.vocabularyId(ws, "stages", "DISCOVERY"));
        body.put("pitchedAt", "2026-03-02");
        body.put("pitchedTermMonths", 12);
        body.put("riskTags", List.of("NEW_MARKET", "BIGGER_DEAL"));
        body.put("competitor", "Globex");
        body.put("externalReference", Map.of("source", "salesforce", "externalId", "006P"));
        Map<String, Object> before = Api.createDeal(ws, body).statusCode(201).extract().jsonPath().getMap("");
        String id = (String) before.get("id");

        for (String mediaType : List.of("application/merge-patch+json", "application/json")) {
            long version = ((Number) given().get(DEAL, ws, id).then().extract().path("version")).longValue();
            Map<String, Object> after = given().contentType(mediaType).header("If-Match", "\"" + version + "\"")
                    .body("{\"competitor\":\"Initech " + mediaType + "\"}")
                    .patch(DEAL, ws, id).then().statusCode(200)
                    .body("competitor", equalTo("Initech " + mediaType))
                    .body("riskTags", contains("NEW_MARKET", "BIGGER_DEAL"))
                    .extract().jsonPath().getMap("");
            assertThat(after).as("everything but the competitor and what the server owns is as it was")
                    .usingRecursiveComparison().ignoringFields("competitor", "version", "updatedAt").isEqualTo(before);
        }
    }

    @Test
    @SendsInvalidInput
    void aPatchClearsWithNullWhatMayBeEmptyAndNothingElse() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Acme renewal");
        body.put("account", "Acme");
        body.put("amount", Map.of("value", 100, "currency", "EUR"));
        body.put("riskTags", List.of("NEW_PRODUCT_LINE"));
        body.put("pitchedTermMonths", 24);
        body.put("externalReference", Map.of("source", "salesforce", "externalId", "006Q"));
        String id = Api.createDeal(ws, body).statusCode(201).extract().path("id");

        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"riskTags\":null,\"amount\":null,\"pitchedTermMonths\":null,\"externalReference\":null}")
                .patch(DEAL, ws, id).then().statusCode(200)
                .body("riskTags", hasSize(0))
                .body("amount", nullValue())
                .body("pitchedTermMonths", nullValue())
                .body("externalReference", nullValue())
                .body("name", equalTo("Acme renewal"))
                .body("account", equalTo("Acme"));
        Api.problem(given().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"name\":null}").patch(DEAL, ws, id).then(), 400, "validation.failed")
                .body("errors[0].field", equalTo("name"));
        given().get(DEAL, ws, id).then().body("name", equalTo("Acme renewal")).body("version", equalTo(1));
    }

    @Test
    void closesWonWithoutAnalysis() {
        String id = Api.createDeal(ws, "Won deal");
        close(id, "\"0\"", Map.of("outcome", "WON", "closedOn", "2026-11-20")).statusCode(200)
                .header("ETag", "\"1\"")
                .body("outcome", equalTo("WON"))
                .body("closedOn", equalTo("2026-11-20"))
                .body("lossAnalysis", nullValue());
    }

    @Test
    void closesLostTogetherWithItsAnalysisAndDefaultsControllability() {
        String id = Api.createDeal(ws, "Lost deal");
        Map<String, Object> analysis = new HashMap<>(Api.lossAnalysis(ws));
        analysis.put("contributingReasons", List.of(
                Map.of("reasonId", Api.reasonId(ws, "NO_BUDGET")),
                Map.of("reasonId", Api.reasonId(ws, "POOR_FIT"), "controllable", true, "note", "We skipped qualification")));
        close(id, "\"0\"", Map.of("outcome", "LOST", "closedOn", "2026-11-20", "lossAnalysis", analysis))
                .statusCode(200)
                .body("outcome", equalTo("LOST"))
                .body("lossAnalysis.status", equalTo("COMPLETE"))
                .body("lossAnalysis.primaryReason.controllable", equalTo(true))
                .body("lossAnalysis.contributingReasons", hasSize(2))
                .body("lossAnalysis.contributingReasons[0].controllable", equalTo(false))
                .body("lossAnalysis.contributingReasons[1].controllable", equalTo(true))
                .body("lossAnalysis.fit", equalTo("GOOD_FIT"));

        given().get(DEAL + "/loss-analysis", ws, id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("primaryReason.note", equalTo("Quote took three days"))
                .body("whatWeWouldDoDifferently", equalTo("Send the revised quote the same day"));
        assertThat(sql.count("select count(*) from loss_analysis_reason r join loss_analysis a on a.id = r.analysis_id where a.deal_id = ?", id))
                .isEqualTo(3);
    }

    @Test
    void amendsTheAnalysisWithIfMatch() {
        String id = lostDeal();
        Map<String, Object> amended = new HashMap<>(Api.lossAnalysis(ws));
        amended.put("primaryReason", Map.of("reasonId", Api.reasonId(ws, "PRICE_ONLY")));
        amended.put("contributingReasons", List.of(Map.of("reasonId", Api.reasonId(ws, "SLOW_RESPONSE"))));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(amended)
                .put(DEAL + "/loss-analysis", ws, id).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("primaryReason.reasonId", equalTo(Api.reasonId(ws, "PRICE_ONLY")))
                .body("contributingReasons[0].reasonId", equalTo(Api.reasonId(ws, "SLOW_RESPONSE")));
        assertThat(sql.count("select count(*) from loss_analysis where deal_id = ?", id)).isEqualTo(1);
    }

    @Test
    void reopeningMovesTheAnalysisIntoTheOutcomeHistory() {
        String id = lostDeal();
        given().header("If-Match", "\"1\"").post(DEAL + "/reopen", ws, id).then().statusCode(200)
                .body("outcome", equalTo("OPEN"))
                .body("closedOn", nullValue())
                .body("lossAnalysis", nullValue());
        given().get(DEAL + "/loss-analysis", ws, id).then().statusCode(404)
                .body("code", equalTo("loss-analysis.not-found"));
        close(id, "\"2\"", Map.of("outcome", "WON", "closedOn", "2026-11-21")).statusCode(200);

        given().get(DEAL + "/outcome-history", ws, id).then().statusCode(200)
                .body("items.kind", contains("CLOSED", "REOPENED", "CLOSED"))
                .body("items.outcome", contains("LOST", "OPEN", "WON"))
                .body("items[0].lossAnalysis.primaryReason.reasonId", equalTo(Api.reasonId(ws, "SLOW_RESPONSE")))
                .body("items[1].lossAnalysis", nullValue())
                .body("items[2].lossAnalysis", nullValue());
        assertThat(sql.count("select count(*) from loss_analysis where deal_id = ? and not current", id)).isEqualTo(1);
        assertThat(sql.count("select count(*) from loss_analysis where deal_id = ? and current", id)).isZero();
    }

    @Test
    @SendsInvalidInput
    void theOutcomeHistoryComesInPagesOldestFirst() {
        String id = lostDeal();
        given().header("If-Match", "\"1\"").post(DEAL + "/reopen", ws, id).then().statusCode(200);
        close(id, "\"2\"", Map.of("outcome", "WON", "closedOn", "2026-11-21")).statusCode(200);

        String cursor = given().queryParam("limit", 2).get(DEAL + "/outcome-history", ws, id).then().statusCode(200)
                .body("items.kind", contains("CLOSED", "REOPENED"))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", cursor).get(DEAL + "/outcome-history", ws, id).then().statusCode(200)
                .body("items.outcome", contains("WON"))
                .body("nextCursor", nullValue());
        given().get(DEAL + "/outcome-history", ws, id).then().statusCode(200)
                .body("items", hasSize(3)).body("nextCursor", nullValue());

        Api.problem(given().queryParam("limit", 101).get(DEAL + "/outcome-history", ws, id).then(), 400, "page.limit-out-of-range");
        Api.problem(given().queryParam("limit", "x").get(DEAL + "/outcome-history", ws, id).then(), 400, "query.invalid");
        Api.problem(given().queryParam("cursor", "bm9wZQ").get(DEAL + "/outcome-history", ws, id).then(), 400, "cursor.invalid");
        String other = Api.createDeal(ws, "Another");
        Api.problem(given().queryParam("cursor", cursor).get(DEAL + "/outcome-history", ws, other).then(), 400, "cursor.mismatch");
    }

    @Test
    void deletesADealAndLeavesATombstoneForItsExternalReference() {
        String id = Api.createDeal(ws, Map.of("name", "To delete",
                "externalReference", Map.of("source", "hubspot", "externalId", "42"))).statusCode(201).extract().path("id");
        given().header("If-Match", "\"0\"").delete(DEAL, ws, id).then().statusCode(204);
        given().get(DEAL, ws, id).then().statusCode(404).body("code", equalTo("deal.not-found"));
        assertThat(sql.count("select count(*) from deal where id = ?", id)).isZero();
        assertThat(sql.count("select count(*) from deal_tombstone where workspace_id = ? and external_source = 'hubspot' and external_id = '42'", ws))
                .isEqualTo(1);
    }

    /**
     * Nothing cites deals yet (lessons will): a stand-in table with the restricting foreign key every
     * citing table will have shows that such a citation turns the delete into a 409, with nothing deleted.
     */
    @Test
    void aCitedDealCanNotBeDeleted() {
        String id = Api.createDeal(ws, Map.of("name", "Cited",
                "externalReference", Map.of("source", "hubspot", "externalId", "cited-1"))).statusCode(201).extract().path("id");
        sql.execute("create table if not exists test_deal_citation (deal_id uuid not null references deal (id))");
        sql.execute("insert into test_deal_citation (deal_id) values (?)", id);
        try {
            given().header("If-Match", "\"0\"").delete(DEAL, ws, id).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("code", equalTo("deal.cited"));
            assertThat(sql.count("select count(*) from deal where id = ?", id)).isEqualTo(1);
            assertThat(sql.count("select count(*) from deal_tombstone where deal_id = ?", id)).isZero();
        } finally {
            sql.execute("delete from test_deal_citation where deal_id = ?", id);
        }
    }

    @Test
    void deletingALostDealRemovesItsAnalysisAndHistory() {
        String id = lostDeal();
        given().header("If-Match", "\"1\"").delete(DEAL, ws, id).then().statusCode(204);
        assertThat(sql.count("select count(*) from loss_analysis where deal_id = ?", id)).isZero();
        assertThat(sql.count("select count(*) from deal_outcome_change where deal_id = ?", id)).isZero();
    }

    @Test
    void aDealOfAnotherWorkspaceIsNotFound() {
        String id = Api.createDeal(ws, "Mine");
        String other = Api.createWorkspace();
        given().get(DEAL, other, id).then().statusCode(404).body("code", equalTo("deal.not-found"));
        given().header("If-Match", "\"0\"").delete(DEAL, other, id).then().statusCode(404);
        assertThat(sql.count("select count(*) from deal where id = ?", id)).isEqualTo(1);
    }

    String lostDeal() {
        String id = Api.createDeal(ws, "Lost " + System.nanoTime());
        close(id, "\"0\"", Map.of("outcome", "LOST", "closedOn", "2026-11-20", "lossAnalysis", Api.lossAnalysis(ws)))
                .statusCode(200).body("lossAnalysis", notNullValue());
        return id;
    }

    io.restassured.response.ValidatableResponse close(String id, String etag, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post(DEAL + "/close", ws, id).then();
    }
}
