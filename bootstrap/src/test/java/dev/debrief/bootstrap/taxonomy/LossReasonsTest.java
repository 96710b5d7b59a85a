package dev.debrief.bootstrap.taxonomy;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LossReasonsTest {

    private static final String REASONS = "/api/v1/workspaces/{ws}/loss-reasons";
    private static final String REASON = REASONS + "/{id}";

    @Inject
    Sql sql;

    // ---- list ----------------------------------------------------------------------------------

    @Test
    void listsTheElevenDefaultReasonsByCategory() {
        String ws = Api.createWorkspace();

        given().get(REASONS, ws).then().statusCode(200).contentType(ContentType.JSON)
                .body("items", hasSize(11))
                .body("items.category", contains("PREPARATION", "PAIN_POINTS", "DECISION_MAKER", "VALUE_VS_COST",
                        "RESPONSIVENESS", "PROSPECT_FIT", "TIMING", "BUDGET", "COMPETITION", "PRODUCT_GAP", "OTHER"))
                .body("items.code", contains("WRONG_RESEARCH", "FEATURES_NOT_PAIN", "NO_DECISION_MAKER", "PRICE_ONLY",
                        "SLOW_RESPONSE", "POOR_FIT", "BAD_TIMING", "NO_BUDGET", "LOST_TO_COMPETITOR", "PRODUCT_GAP", "OTHER"))
                .body("items.defaultControllability", contains("YES", "YES", "YES", "YES", "YES", "PARTLY", "NO", "NO",
                        "PARTLY", "NO", "PARTLY"))
                .body("items.archived", everyItem(equalTo(false)))
                .body("items.find { it.code == 'SLOW_RESPONSE' }.name", equalTo("Slow response, missed call or email"));
    }

    // ---- add -----------------------------------------------------------------------------------

    @Test
    void addsAReasonWithACodeDerivedFromItsName() {
        String ws = Api.createWorkspace();
        long before = sql.rowsOf(ws);

        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "No internal champion", "category", "DECISION_MAKER", "defaultControllability", "PARTLY"))
                .post(REASONS, ws)
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("code", equalTo("NO_INTERNAL_CHAMPION"))
                .body("name", equalTo("No internal champion"))
                .body("category", equalTo("DECISION_MAKER"))
                .body("defaultControllability", equalTo("PARTLY"))
                .body("archived", equalTo(false))
                .extract();
        String id = created.path("id");

        assertThat(created.header("Location")).endsWith("/api/v1/workspaces/" + ws + "/loss-reasons/" + id);
        assertThat(sql.rowsOf(ws)).isEqualTo(before + 1);
        assertThat(sql.count("select count(*) from loss_reason where id = ? and workspace_id = ?"
                + " and code = 'NO_INTERNAL_CHAMPION' and category = 'DECISION_MAKER'"
                + " and default_controllability = 'PARTLY' and not archived", id, ws)).isEqualTo(1);
        given().get(REASONS, ws).then().statusCode(200)
                .body("items", hasSize(12))
                .body("items.findAll { it.category == 'DECISION_MAKER' }.code",
                        contains("NO_DECISION_MAKER", "NO_INTERNAL_CHAMPION"));
    }

    @Test
    void keepsTheCodeItIsGiven() {
        String ws = Api.createWorkspace();

        String id = given().contentType(ContentType.JSON)
                .body(Map.of("code", "NO_CHAMPION", "name", "No internal champion", "category", "DECISION_MAKER",
                        "defaultControllability", "YES"))
                .post(REASONS, ws).then().statusCode(201).body("code", equalTo("NO_CHAMPION")).extract().path("id");

        assertThat(sql.count("select count(*) from loss_reason where id = ? and code = 'NO_CHAMPION'", id)).isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void rejectsAReasonWithoutCategoryOrControllability() {
        String ws = Api.createWorkspace();
        long before = sql.rowsOf(ws);

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "Vague"))
                .post(REASONS, ws).then(), 400, "validation.failed")
                .body("errors.field", contains("category", "defaultControllability"));
        Api.problem(given().contentType(ContentType.JSON)
                .body(Map.of("name", "Bad weather", "category", "WEATHER", "defaultControllability", "NO"))
                .post(REASONS, ws).then(), 400, "body.invalid-type")
                .body("errors.field", contains("category"));

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    @Test
    void rejectsACodeThatIsNotUpperSnakeCase() {
        String ws = Api.createWorkspace();
        long before = sql.rowsOf(ws);

        Api.problem(given().contentType(ContentType.JSON)
                .body(Map.of("code", "no champion", "name", "No champion", "category", "DECISION_MAKER",
                        "defaultControllability", "YES"))
                .post(REASONS, ws).then(), 422, "code.invalid")
                .body("errors.field", contains("code"));

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    // ---- change --------------------------------------------------------------------------------

    @Test
    void changesNameCategoryAndControllabilityButNotTheCode() {
        String ws = Api.createWorkspace();
        String other = Api.reasonId(ws, "OTHER");

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Something else entirely", "category", "TIMING", "defaultControllability", "NO"))
                .patch(REASON, ws, other).then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(other))
                .body("code", equalTo("OTHER"))
                .body("name", equalTo("Something else entirely"))
                .body("category", equalTo("TIMING"))
                .body("defaultControllability", equalTo("NO"))
                .body("archived", equalTo(false));

        assertThat(sql.count("select count(*) from loss_reason where id = ? and code = 'OTHER'"
                + " and name = 'Something else entirely' and category = 'TIMING' and default_controllability = 'NO'",
                other)).isEqualTo(1);
    }

    @Test
    void leavesOmittedFieldsAsTheyAre() {
        String ws = Api.createWorkspace();
        String price = Api.reasonId(ws, "PRICE_ONLY");

        given().contentType("application/merge-patch+json").body(Map.of("defaultControllability", "PARTLY"))
                .patch(REASON, ws, price).then().statusCode(200)
                .body("name", equalTo("Dragged into a price-only discussion"))
                .body("category", equalTo("VALUE_VS_COST"))
                .body("defaultControllability", equalTo("PARTLY"));

        assertThat(sql.count("select count(*) from loss_reason where id = ? and name = 'Dragged into a price-only discussion'"
                + " and category = 'VALUE_VS_COST' and default_controllability = 'PARTLY'", price)).isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void refusesANullForEveryPropertyAndChangesNothing() {
        String ws = Api.createWorkspace();
        String price = Api.reasonId(ws, "PRICE_ONLY");

        for (String field : List.of("name", "category", "defaultControllability", "archived")) {
            Map<String, Object> nulled = new java.util.HashMap<>();
            nulled.put(field, null);
            Api.problem(given().contentType("application/merge-patch+json").body(nulled).patch(REASON, ws, price).then(),
                    400, "body.not-clearable").body("errors[0].field", equalTo(field));
        }
        assertThat(sql.count("select count(*) from loss_reason where id = ? and name = 'Dragged into a price-only discussion'"
                + " and category = 'VALUE_VS_COST' and not archived", price)).isEqualTo(1);
    }

    @Test
    void refusesToChangeTheCode() {
        String ws = Api.createWorkspace();
        String slow = Api.reasonId(ws, "SLOW_RESPONSE");

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("code", "TOO_SLOW", "name", "Too slow"))
                .patch(REASON, ws, slow).then(), 400, "body.unknown-field")
                .body("errors.field", contains("code"));

        assertThat(sql.count("select count(*) from loss_reason where id = ? and code = 'SLOW_RESPONSE'"
                + " and name = 'Slow response, missed call or email'", slow)).isEqualTo(1);
        assertUnchanged(ws);
    }

    @Test
    void archivedReasonsStayHiddenUnlessAsked() {
        String ws = Api.createWorkspace();
        String timing = Api.reasonId(ws, "BAD_TIMING");

        given().contentType(ContentType.JSON).body(Map.of("archived", true))
                .patch(REASON, ws, timing).then().statusCode(200)
                .body("archived", equalTo(true)).body("code", equalTo("BAD_TIMING"));

        given().get(REASONS, ws).then().statusCode(200)
                .body("items", hasSize(10))
                .body("items.id", not(hasItem(timing)));
        given().queryParam("includeArchived", true).get(REASONS, ws).then().statusCode(200)
                .body("items", hasSize(11))
                .body("items.find { it.id == '" + timing + "' }.archived", equalTo(true));
        assertThat(sql.count("select count(*) from loss_reason where id = ? and archived", timing)).isEqualTo(1);
    }

    @Test
    void restoresAnArchivedReason() {
        String ws = Api.createWorkspace();
        String budget = Api.reasonId(ws, "NO_BUDGET");
        given().contentType(ContentType.JSON).body(Map.of("archived", true)).patch(REASON, ws, budget).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("archived", false))
                .patch(REASON, ws, budget).then().statusCode(200).body("archived", equalTo(false));

        given().get(REASONS, ws).then().statusCode(200).body("items", hasSize(11)).body("items.id", hasItem(budget));
        assertThat(sql.count("select count(*) from loss_reason where id = ? and not archived", budget)).isEqualTo(1);
    }

    // ---- conflicts -----------------------------------------------------------------------------

    @Test
    void rejectsADuplicateNameIgnoringCase() {
        String ws = Api.createWorkspace();
        long before = sql.rowsOf(ws);

        Api.problem(given().contentType(ContentType.JSON)
                .body(Map.of("name", "LOST TO A COMPETITOR", "category", "COMPETITION", "defaultControllability", "NO"))
                .post(REASONS, ws).then(), 409, "loss-reason.name-taken");

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    @Test
    void rejectsARenameToATakenName() {
        String ws = Api.createWorkspace();
        String budget = Api.reasonId(ws, "NO_BUDGET");

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "lost to a competitor"))
                .patch(REASON, ws, budget).then(), 409, "loss-reason.name-taken");

        assertThat(sql.count("select count(*) from loss_reason where id = ? and name = 'Customer budget constraints'",
                budget)).isEqualTo(1);
        assertUnchanged(ws);
    }

    @Test
    void rejectsADuplicateCode() {
        String ws = Api.createWorkspace();
        long before = sql.rowsOf(ws);

        Api.problem(given().contentType(ContentType.JSON)
                .body(Map.of("code", "PRICE_ONLY", "name", "Price, again", "category", "VALUE_VS_COST",
                        "defaultControllability", "YES"))
                .post(REASONS, ws).then(), 409, "loss-reason.code-taken");

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    // ---- not found -----------------------------------------------------------------------------

    @Test
    @SendsInvalidInput
    void answers404ForAnUnknownOrMalformedReasonId() {
        String ws = Api.createWorkspace();

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("archived", true))
                .patch(REASON, ws, UUID.randomUUID()).then(), 404, "loss-reason.not-found");
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("archived", true))
                .patch(REASON, ws, "OTHER").then(), 404, "loss-reason.not-found");

        assertUnchanged(ws);
    }

    @Test
    void doesNotChangeAReasonOfAnotherWorkspace() {
        String owner = Api.createWorkspace();
        String other = Api.createWorkspace();
        String slow = Api.reasonId(owner, "SLOW_RESPONSE");

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "Hijacked", "archived", true))
                .patch(REASON, other, slow).then(), 404, "loss-reason.not-found");

        assertUnchanged(owner);
        assertUnchanged(other);
    }

    @Test
    void answers404ForAnUnknownWorkspace() {
        String unknown = UUID.randomUUID().toString();

        Api.problem(given().get(REASONS, unknown).then(), 404, "workspace.not-found");
        Api.problem(given().contentType(ContentType.JSON)
                .body(Map.of("name", "Orphan", "category", "OTHER", "defaultControllability", "NO"))
                .post(REASONS, unknown).then(), 404, "workspace.not-found");

        assertThat(sql.rowsOf(unknown)).isZero();
    }

    /** No reason of the workspace was written after it was created: every save bumps the version. */
    private void assertUnchanged(String ws) {
        assertThat(sql.count("select count(*) from loss_reason where workspace_id = ? and version <> 0", ws))
                .as("reasons changed by a rejected request").isZero();
    }
}
