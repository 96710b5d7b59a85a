package dev.debrief.bootstrap.vocabulary;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VocabulariesTest {

    private static final String VOCABULARY = "/api/v1/workspaces/{ws}/vocabularies/{v}";
    private static final String ENTRY = VOCABULARY + "/{id}";
    private static final String STAGE_ORDER = "/api/v1/workspaces/{ws}/vocabularies/stages/order";
    private static final List<String> DEFAULT_STAGES = List.of("PROSPECTING", "DISCOVERY", "QUALIFICATION", "SOLUTION",
            "PROPOSAL", "NEGOTIATION", "CLOSING");

    @Inject
    Sql sql;

    // ---- list and add --------------------------------------------------------------------------

    @Test
    void listsTheStagesInPipelineOrder() {
        String ws = Api.createWorkspace();

        given().get(VOCABULARY, ws, "stages").then().statusCode(200).contentType(ContentType.JSON)
                .body("items.code", contains(DEFAULT_STAGES.toArray()))
                .body("items.name", contains("Prospecting", "Discovery", "Qualification", "Solution (demo)", "Proposal",
                        "Negotiation", "Closing"))
                .body("items.position", contains(1, 2, 3, 4, 5, 6, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"segments", "personas", "lead-sources", "teams"})
    void startsTheOtherVocabulariesEmpty(String vocabulary) {
        String ws = Api.createWorkspace();

        given().get(VOCABULARY, ws, vocabulary).then().statusCode(200).body("items", empty());
    }

    @Test
    void addsAStageAtTheEndWithACodeDerivedFromItsName() {
        String ws = Api.createWorkspace();
        long before = sql.rowsOf(ws);

        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Contract review"))
                .post(VOCABULARY, ws, "stages")
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("code", equalTo("CONTRACT_REVIEW"))
                .body("name", equalTo("Contract review"))
                .body("position", equalTo(8))
                .body("archived", equalTo(false))
                .extract();
        String id = created.path("id");

        assertThat(created.header("Location")).endsWith("/api/v1/workspaces/" + ws + "/vocabularies/stages/" + id);
        assertThat(sql.rowsOf(ws)).isEqualTo(before + 1);
        assertThat(sql.count("select count(*) from vocabulary_entry where id = ? and workspace_id = ? and kind = 'STAGE'"
                + " and code = 'CONTRACT_REVIEW' and position = 8 and not archived", id, ws)).isEqualTo(1);
        given().get(VOCABULARY, ws, "stages").then().statusCode(200)
                .body("items", hasSize(8))
                .body("items[7].id", equalTo(id));
    }

    @ParameterizedTest
    @CsvSource({"segments, SEGMENT", "personas, PERSONA", "lead-sources, LEAD_SOURCE", "teams, TEAM"})
    void addsEntriesToEachVocabularyInTheOrderGiven(String vocabulary, String kind) {
        String ws = Api.createWorkspace();

        String first = given().contentType(ContentType.JSON).body(Map.of("name", "Mid-market"))
                .post(VOCABULARY, ws, vocabulary).then().statusCode(201)
                .body("code", equalTo("MID_MARKET")).body("position", equalTo(1)).extract().path("id");
        String second = given().contentType(ContentType.JSON).body(Map.of("name", "Énterprise accounts"))
                .post(VOCABULARY, ws, vocabulary).then().statusCode(201)
                .body("code", equalTo("ENTERPRISE_ACCOUNTS")).body("position", equalTo(2)).extract().path("id");

        given().get(VOCABULARY, ws, vocabulary).then().statusCode(200).body("items.id", contains(first, second));
        assertThat(sql.count("select count(*) from vocabulary_entry where workspace_id = ? and kind = ?", ws, kind))
                .isEqualTo(2);
    }

    @Test
    void keepsTheCodeItIsGiven() {
        String ws = Api.createWorkspace();

        String id = given().contentType(ContentType.JSON).body(Map.of("code", "MM", "name", "Mid-market"))
                .post(VOCABULARY, ws, "segments").then().statusCode(201)
                .body("code", equalTo("MM")).extract().path("id");

        assertThat(sql.count("select count(*) from vocabulary_entry where id = ? and code = 'MM'", id)).isEqualTo(1);
    }

    @Test
    void allowsTheSameNameInDifferentVocabularies() {
        String ws = Api.createWorkspace();

        given().contentType(ContentType.JSON).body(Map.of("name", "Prospecting"))
                .post(VOCABULARY, ws, "segments").then().statusCode(201).body("code", equalTo("PROSPECTING"));

        assertThat(sql.count("select count(*) from vocabulary_entry where workspace_id = ? and code = 'PROSPECTING'", ws))
                .isEqualTo(2);
    }

    // ---- change: rename, archive, restore ------------------------------------------------------

    @Test
    void renamesAnEntryAndKeepsItsCode() {
        String ws = Api.createWorkspace();
        String solution = Api.vocabularyId(ws, "stages", "SOLUTION");

        given().contentType(ContentType.JSON).body(Map.of("name", "Demo"))
                .patch(ENTRY, ws, "stages", solution).then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(solution))
                .body("code", equalTo("SOLUTION"))
                .body("name", equalTo("Demo"))
                .body("position", equalTo(4))
                .body("archived", equalTo(false));

        assertThat(sql.count("select count(*) from vocabulary_entry where id = ? and code = 'SOLUTION' and name = 'Demo'",
                solution)).isEqualTo(1);
    }

    @Test
    void acceptsAMergePatchDocument() {
        String ws = Api.createWorkspace();
        String team = Api.addVocabularyEntry(ws, "teams", "Inside sales");

        given().contentType("application/merge-patch+json").body(Map.of("name", "Inside Sales DACH"))
                .patch(ENTRY, ws, "teams", team).then().statusCode(200)
                .body("name", equalTo("Inside Sales DACH")).body("code", equalTo("INSIDE_SALES"));

        assertThat(sql.count("select count(*) from vocabulary_entry where id = ? and name = 'Inside Sales DACH'", team))
                .isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void aMergePatchChangesOnlyWhatItNamesAndClearsNothing() {
        String ws = Api.createWorkspace();
        String team = Api.addVocabularyEntry(ws, "teams", "Inside sales");

        given().contentType("application/merge-patch+json").body(Map.of("archived", true))
                .patch(ENTRY, ws, "teams", team).then().statusCode(200)
                .body("archived", equalTo(true)).body("name", equalTo("Inside sales")).body("code", equalTo("INSIDE_SALES"));
        for (String field : List.of("name", "archived")) {
            Map<String, Object> nulled = new java.util.HashMap<>();
            nulled.put(field, null);
            Api.problem(given().contentType("application/merge-patch+json").body(nulled).patch(ENTRY, ws, "teams", team).then(),
                    400, "body.not-clearable").body("errors[0].field", equalTo(field));
        }
        assertThat(sql.count("select count(*) from vocabulary_entry where id = ? and name = 'Inside sales' and archived", team))
                .isEqualTo(1);
    }

    @Test
    void archivedEntriesStayHiddenUnlessAsked() {
        String ws = Api.createWorkspace();
        String negotiation = Api.vocabularyId(ws, "stages", "NEGOTIATION");

        given().contentType(ContentType.JSON).body(Map.of("archived", true))
                .patch(ENTRY, ws, "stages", negotiation).then().statusCode(200)
                .body("archived", equalTo(true)).body("name", equalTo("Negotiation"));

        given().get(VOCABULARY, ws, "stages").then().statusCode(200)
                .body("items", hasSize(6))
                .body("items.id", not(hasItem(negotiation)));
        given().queryParam("includeArchived", true).get(VOCABULARY, ws, "stages").then().statusCode(200)
                .body("items", hasSize(7))
                .body("items.find { it.id == '" + negotiation + "' }.archived", equalTo(true));
        assertThat(sql.count("select count(*) from vocabulary_entry where id = ? and archived", negotiation)).isEqualTo(1);
    }

    @Test
    void restoresAnArchivedEntry() {
        String ws = Api.createWorkspace();
        String persona = Api.addVocabularyEntry(ws, "personas", "Economic buyer");
        given().contentType(ContentType.JSON).body(Map.of("archived", true))
                .patch(ENTRY, ws, "personas", persona).then().statusCode(200);
        given().get(VOCABULARY, ws, "personas").then().statusCode(200).body("items", empty());

        given().contentType(ContentType.JSON).body(Map.of("archived", false))
                .patch(ENTRY, ws, "personas", persona).then().statusCode(200).body("archived", equalTo(false));

        given().get(VOCABULARY, ws, "personas").then().statusCode(200).body("items.id", contains(persona));
        assertThat(sql.count("select count(*) from vocabulary_entry where id = ? and not archived", persona)).isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void rejectsABlankNameAndWritesNothing() {
        String ws = Api.createWorkspace();
        String closing = Api.vocabularyId(ws, "stages", "CLOSING");
        long before = sql.rowsOf(ws);

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", " "))
                .post(VOCABULARY, ws, "stages").then(), 400, "validation.failed")
                .body("errors.field", contains("name"));
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", ""))
                .patch(ENTRY, ws, "stages", closing).then(), 400, "validation.failed")
                .body("errors.field", contains("name"));

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
        assertUnchanged(ws);
    }

    // ---- reorder -------------------------------------------------------------------------------

    @Test
    void reordersTheStages() {
        String ws = Api.createWorkspace();
        List<String> order = stageIds(ws);
        Collections.reverse(order);

        given().contentType(ContentType.JSON).body(Map.of("order", order))
                .put(STAGE_ORDER, ws).then().statusCode(200).contentType(ContentType.JSON)
                .body("items.id", contains(order.toArray()))
                .body("items.position", contains(1, 2, 3, 4, 5, 6, 7));

        given().get(VOCABULARY, ws, "stages").then().statusCode(200)
                .body("items.code", contains("CLOSING", "NEGOTIATION", "PROPOSAL", "SOLUTION", "QUALIFICATION",
                        "DISCOVERY", "PROSPECTING"));
        assertThat(sql.count("select count(*) from vocabulary_entry where workspace_id = ? and kind = 'STAGE'"
                + " and ((code = 'CLOSING' and position = 1) or (code = 'PROSPECTING' and position = 7))", ws))
                .isEqualTo(2);
    }

    @Test
    void rejectsAnOrderThatLeavesOutAStage() {
        String ws = Api.createWorkspace();
        List<String> order = stageIds(ws);
        Collections.reverse(order);
        order.remove(0);

        rejectOrder(ws, order);
    }

    @Test
    void rejectsAnOrderThatListsAStageTwice() {
        String ws = Api.createWorkspace();
        List<String> order = stageIds(ws);
        Collections.reverse(order);
        order.add(order.get(0));

        rejectOrder(ws, order);
    }

    @Test
    void rejectsAnOrderThatNamesAnEntryOfAnotherVocabulary() {
        String ws = Api.createWorkspace();
        List<String> order = stageIds(ws);
        Collections.reverse(order);
        order.set(0, Api.addVocabularyEntry(ws, "segments", "Enterprise"));

        rejectOrder(ws, order);
    }

    // ---- conflicts and invalid codes -----------------------------------------------------------

    @Test
    void rejectsADuplicateNameIgnoringCase() {
        String ws = Api.createWorkspace();
        long before = sql.rowsOf(ws);

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("code", "PROSPECTING_AGAIN", "name", "pROSPECTING"))
                .post(VOCABULARY, ws, "stages").then(), 409, "vocabulary.name-taken");

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    @Test
    void rejectsARenameToATakenName() {
        String ws = Api.createWorkspace();
        String discovery = Api.vocabularyId(ws, "stages", "DISCOVERY");

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "QUALIFICATION"))
                .patch(ENTRY, ws, "stages", discovery).then(), 409, "vocabulary.name-taken");

        assertThat(sql.count("select count(*) from vocabulary_entry where id = ? and name = 'Discovery'", discovery))
                .isEqualTo(1);
        assertUnchanged(ws);
    }

    @Test
    void rejectsADuplicateCode() {
        String ws = Api.createWorkspace();
        long before = sql.rowsOf(ws);

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("code", "DISCOVERY", "name", "Second discovery"))
                .post(VOCABULARY, ws, "stages").then(), 409, "vocabulary.code-taken");

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    @Test
    void rejectsACodeThatIsNotUpperSnakeCase() {
        String ws = Api.createWorkspace();
        long before = sql.rowsOf(ws);

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("code", "mid-market", "name", "Mid-market"))
                .post(VOCABULARY, ws, "segments").then(), 422, "code.invalid")
                .body("errors.field", contains("code"));
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("code", "9LIVES", "name", "Nine lives"))
                .post(VOCABULARY, ws, "segments").then(), 422, "code.invalid")
                .body("errors.field", contains("code"));

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    @Test
    void rejectsTheCodeInAChange() {
        String ws = Api.createWorkspace();
        String proposal = Api.vocabularyId(ws, "stages", "PROPOSAL");

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("code", "OFFER"))
                .patch(ENTRY, ws, "stages", proposal).then(), 400, "body.unknown-field")
                .body("errors.field", contains("code"));

        assertUnchanged(ws);
    }

    // ---- not found -----------------------------------------------------------------------------

    @Test
    @SendsInvalidInput
    void answers404ForAnUnknownVocabulary() {
        String ws = Api.createWorkspace();
        long before = sql.rowsOf(ws);

        Api.problem(given().get(VOCABULARY, ws, "colours").then(), 404, "vocabulary.not-found");
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "Red"))
                .post(VOCABULARY, ws, "colours").then(), 404, "vocabulary.not-found");
        Api.problem(given().get(VOCABULARY, ws, "STAGES").then(), 404, "vocabulary.not-found");

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    @Test
    void doesNotChangeAnEntryThroughAnotherVocabulary() {
        String ws = Api.createWorkspace();
        String prospecting = Api.vocabularyId(ws, "stages", "PROSPECTING");

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "Hijacked", "archived", true))
                .patch(ENTRY, ws, "segments", prospecting).then(), 404, "vocabulary.entry-not-found");

        assertUnchanged(ws);
        assertThat(sql.count("select count(*) from vocabulary_entry where id = ? and name = 'Prospecting'"
                + " and kind = 'STAGE' and not archived", prospecting)).isEqualTo(1);
    }

    @Test
    void doesNotChangeAnEntryOfAnotherWorkspace() {
        String owner = Api.createWorkspace();
        String other = Api.createWorkspace();
        String prospecting = Api.vocabularyId(owner, "stages", "PROSPECTING");

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "Hijacked", "archived", true))
                .patch(ENTRY, other, "stages", prospecting).then(), 404, "vocabulary.entry-not-found");

        assertUnchanged(owner);
        assertUnchanged(other);
        assertThat(sql.count("select count(*) from vocabulary_entry where id = ? and workspace_id = ?"
                + " and name = 'Prospecting' and not archived", prospecting, owner)).isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void answers404ForAnUnknownOrMalformedEntryId() {
        String ws = Api.createWorkspace();

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "Ghost"))
                .patch(ENTRY, ws, "stages", UUID.randomUUID()).then(), 404, "vocabulary.entry-not-found");
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "Ghost"))
                .patch(ENTRY, ws, "stages", "not-an-id").then(), 404, "vocabulary.entry-not-found");

        assertUnchanged(ws);
    }

    @Test
    void answers404ForAnUnknownWorkspace() {
        String unknown = UUID.randomUUID().toString();

        Api.problem(given().get(VOCABULARY, unknown, "stages").then(), 404, "workspace.not-found");
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "Orphan"))
                .post(VOCABULARY, unknown, "segments").then(), 404, "workspace.not-found");
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("order", List.of(UUID.randomUUID())))
                .put(STAGE_ORDER, unknown).then(), 404, "workspace.not-found");

        assertThat(sql.rowsOf(unknown)).isZero();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void rejectOrder(String ws, List<String> order) {
        long before = sql.rowsOf(ws);

        ValidatableResponse response = given().contentType(ContentType.JSON).body(Map.of("order", order))
                .put(STAGE_ORDER, ws).then();
        Api.problem(response, 422, "vocabulary.order-incomplete").body("errors.field", contains("order"));

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
        assertUnchanged(ws);
        given().get(VOCABULARY, ws, "stages").then().statusCode(200).body("items.code", contains(DEFAULT_STAGES.toArray()));
    }

    /** No entry of the workspace was ever written after it was created: every save bumps the version. */
    private void assertUnchanged(String ws) {
        assertThat(sql.count("select count(*) from vocabulary_entry where workspace_id = ? and version <> 0", ws))
                .as("entries changed by a rejected request").isZero();
    }

    private static List<String> stageIds(String ws) {
        List<String> ids = given().get(VOCABULARY, ws, "stages").then().statusCode(200).extract().path("items.id");
        return new ArrayList<>(ids);
    }
}
