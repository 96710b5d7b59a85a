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
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Mappings, re-classification, the unmapped listings and the triage filter, end to end. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class MappingTest {

    static final String MAPPINGS = "/api/v1/workspaces/{ws}/mappings/{kind}";
    static final String DEALS = "/api/v1/workspaces/{ws}/deals";

    @Inject
    Sql sql;

    String ws;

    @BeforeEach
    void workspace() {
        ws = Api.createWorkspace();
    }

    void push(List<Map<String, Object>> items) {
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("items", items)).post(BATCH, ws).then().statusCode(200).body("totals.rejected", equalTo(0));
    }

    static Map<String, Object> with(Map<String, Object> state, String field, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(state);
        copy.put(field, value);
        return copy;
    }

    ValidatableResponse map(String kind, String value, String target) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("source", "hubspot", "partnerValue", value, "targetId", target))
                .post(MAPPINGS, ws, kind).then();
    }

    @Test
    void aStageMappingReclassifiesTheWaitingDealsOnceAndListsNoMoreUnmapped() {
        push(List.of(item("s-1", with(open(T1, "One"), "stage", "Closed Lost – Discovery")),
                item("s-2", with(open(T1, "Two"), "stage", "closed lost – discovery")),
                item("s-3", with(open(T1, "Three"), "stage", "Something else"))));

        given().get(MAPPINGS + "/unmapped", ws, "stage").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].partnerValue", equalTo("Closed Lost – Discovery"))
                .body("items[0].deals", equalTo(2))
                .body("items[0].source", equalTo("hubspot"))
                .body("items[0].exampleDealIds", hasSize(2));
        given().get(DEALS + "?triage=true", ws).then().statusCode(200).body("items", hasSize(3))
                .body("items[0].triage[0].field", equalTo("STAGE"));

        String discovery = Api.vocabularyId(ws, "stages", "DISCOVERY");
        map("stage", "CLOSED LOST – DISCOVERY", discovery).statusCode(201)
                .body("kind", equalTo("stage")).body("reclassified", equalTo(2));

        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid and stage_id = ?::uuid", ws, discovery))
                .isEqualTo(2);
        assertThat(sql.count("select count(*) from audit_event where workspace_id = ?::uuid and action = 'reclassify'", ws))
                .isEqualTo(2);
        given().get(MAPPINGS + "/unmapped", ws, "stage").then().body("items.partnerValue", contains("Something else"));
        given().get(DEALS + "?triage=true", ws).then().body("items.name", contains("Three"));
        given().get(DEALS + "?triage=false", ws).then().body("items", hasSize(2));

        map("stage", "Closed Lost – Discovery", discovery).statusCode(200).body("reclassified", equalTo(0));
        assertThat(sql.count("select count(*) from audit_event where workspace_id = ?::uuid and action = 'reclassify'", ws))
                .as("a second run changes nothing").isEqualTo(2);
        given().get(MAPPINGS, ws, "stage").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aReasonMappingCompletesPendingAnalyses() {
        push(List.of(item("r-1", lost(T1, Map.of("reasonText", "Too slow with the quote", "stageLostAt", "PROPOSAL",
                "fit", "GOOD_FIT")))));
        given().get(MAPPINGS + "/unmapped", ws, "reason").then().statusCode(200)
                .body("items[0].partnerValue", equalTo("Too slow with the quote")).body("items[0].deals", equalTo(1));

        map("reason", "too slow with the quote", Api.reasonId(ws, "SLOW_RESPONSE")).statusCode(201)
                .body("reclassified", equalTo(1));

        given().get(DEALS + "?triage=true", ws).then().body("items", empty());
        given().get(DEALS, ws).then()
                .body("items[0].lossAnalysis.status", equalTo("COMPLETE"))
                .body("items[0].lossAnalysis.primaryReason.reasonId", equalTo(Api.reasonId(ws, "SLOW_RESPONSE")))
                .body("items[0].lossAnalysis.partnerReasonText", equalTo("Too slow with the quote"));
        given().get(MAPPINGS + "/unmapped", ws, "reason").then().body("items", empty());
    }

    @Test
    void anOwnerMappingFillsTheOwnerAndLaterPushesResolveThroughIt() {
        push(List.of(item("o-1", with(open(T1, "One"), "ownerEmail", "jd@crm.example"))));
        map("owner", "JD@crm.example", Api.myMemberId(ws)).statusCode(201).body("reclassified", equalTo(1));
        given().get(DEALS, ws).then().body("items[0].owner.displayName", equalTo("alice"))
                .body("items[0].triage", empty());

        push(List.of(item("o-2", with(open(T2, "Two"), "ownerEmail", "jd@crm.example"))));
        given().get(DEALS + "?q=Two", ws).then().body("items[0].owner.displayName", equalTo("alice"))
                .body("items[0].triage", empty());
    }

    @Test
    void aValueAMemberSetByHandIsNeverOverwritten() {
        push(List.of(item("h-1", with(open(T1, "One"), "segment", "Big fish"))));
        String dealId = given().get(DEALS, ws).then().extract().path("items[0].id");
        String midMarket = Api.addVocabularyEntry(ws, "segments", "Mid-market");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("segmentId", midMarket)).patch(DEALS + "/{d}", ws, dealId).then().statusCode(200)
                .body("triage", empty());

        map("segment", "Big fish", Api.addVocabularyEntry(ws, "segments", "Enterprise")).statusCode(201)
                .body("reclassified", equalTo(0));
        given().get(DEALS + "/{d}", ws, dealId).then().body("segmentId", equalTo(midMarket));
    }

    @Test
    void largeReclassificationsRunInBatches() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            items.add(item("b-" + i, with(open(T1, "Deal " + i), "persona", "The boss")));
        }
        push(items);
        String champion = Api.addVocabularyEntry(ws, "personas", "Economic buyer");

        map("persona", "the boss", champion).statusCode(201).body("reclassified", equalTo(450));

        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid and persona_id = ?::uuid", ws, champion))
                .isEqualTo(450);
        assertThat(sql.count("select count(*) from deal_triage where workspace_id = ?::uuid", ws)).isZero();
    }

    @Test
    @SendsInvalidInput
    void refusesTargetsThatDontFit() {
        Api.problem(map("stage", "x", Api.addVocabularyEntry(ws, "segments", "Not a stage")), 422, "vocabulary.wrong-kind");
        Api.problem(map("reason", "x", UUID.randomUUID().toString()), 422, "reference.not-found")
                .body("errors[0].field", equalTo("targetId"));
        Api.problem(map("owner", "x", UUID.randomUUID().toString()), 422, "reference.not-found");
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("source", "Hub Spot", "partnerValue", "x",
                "targetId", Api.reasonId(ws, "OTHER"))).post(MAPPINGS, ws, "reason").then(), 400, "validation.failed");
        assertThat(sql.count("select count(*) from partner_mapping where workspace_id = ?::uuid", ws)).isZero();
        given().get("/api/v1/workspaces/{ws}/mappings/planet", ws).then().statusCode(404);
    }

    /**
     * The list of a kind is one answer, so a workspace holds at most 1,000 mappings of a kind; new values set at
     * once when 999 are held make exactly one more, and changing the target of a held value is still fine.
     */
    @Test
    void aWorkspaceHoldsAtMostAThousandMappingsOfAKindEvenWhenAdminsAddThemAtOnce() throws Exception {
        String proposal = Api.vocabularyId(ws, "stages", "PROPOSAL");
        sql.execute("""
                insert into partner_mapping (id, workspace_id, kind, source, partner_value, target_id, created_at, updated_at)
                select gen_random_uuid(), ?::uuid, 'STAGE', 'hubspot', 'held value ' || n, ?::uuid, now(), now()
                from generate_series(1, 999) as n""", ws, proposal);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String value = "new value " + i;
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return map("stage", value, proposal).extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> call : calls) {
            statuses.add(call.get(60, TimeUnit.SECONDS));
        }

        assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409, 409, 409);
        assertThat(sql.count("select count(*) from partner_mapping where workspace_id = ?::uuid and kind = 'STAGE'", ws))
                .isEqualTo(1000);
        Api.problem(map("stage", "one more", proposal), 409, "mapping.limit-reached");
        map("stage", "HELD VALUE 7", Api.vocabularyId(ws, "stages", "DISCOVERY")).statusCode(200);
        map("segment", "another kind", Api.addVocabularyEntry(ws, "segments", "Mid-market")).statusCode(201);
        given().get(MAPPINGS, ws, "stage").then().statusCode(200).body("items", hasSize(1000));
    }

    @Test
    void deletesAMapping() {
        var created = map("reason", "Price", Api.reasonId(ws, "PRICE_ONLY")).statusCode(201).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/workspaces/" + ws + "/mappings/reason/" + id);

        given().delete(MAPPINGS + "/{id}", ws, "reason", id).then().statusCode(204);

        Api.problem(given().delete(MAPPINGS + "/{id}", ws, "reason", id).then(), 404, "mapping.not-found");
        given().get(MAPPINGS, ws, "reason").then().body("items", empty());
    }

    @Test
    void anotherWorkspacesMappingsAreInvisible() {
        map("reason", "Price", Api.reasonId(ws, "PRICE_ONLY")).statusCode(201);
        String other = Api.createWorkspace();

        given().get(MAPPINGS, other, "reason").then().statusCode(200).body("items", empty());
    }
}
