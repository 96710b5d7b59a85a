package dev.debrief.bootstrap.workspace;

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

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class WorkspacesTest {

    private static final String WORKSPACES = "/api/v1/workspaces";
    private static final String COUNT_WORKSPACES = "select count(*) from workspace";

    @Inject
    Sql sql;

    // ---- create, get, update -------------------------------------------------------------------

    @Test
    void createsAWorkspaceAndNamesItInLocation() {
        long before = sql.count(COUNT_WORKSPACES);
        String name = "Acme Sales EMEA " + System.nanoTime();

        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Api.workspace(name, "Europe/Berlin", "EUR"))
                .post(WORKSPACES)
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("name", equalTo(name))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("defaultCurrency", equalTo("EUR"))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");

        assertThat(created.header("Location")).endsWith(WORKSPACES + "/" + id);
        assertThat((String) created.path("updatedAt")).isEqualTo(created.path("createdAt"));
        assertThat(sql.count(COUNT_WORKSPACES)).isEqualTo(before + 1);
        assertThat(sql.count("select count(*) from workspace where id = ? and name = ? and time_zone = 'Europe/Berlin'"
                + " and default_currency = 'EUR'", id, name)).isEqualTo(1);
        given().get(created.header("Location")).then().statusCode(200).body("id", equalTo(id)).body("name", equalTo(name));
    }

    @Test
    void seedsANewWorkspaceWithTheDefaultPipelineInOrder() {
        String id = Api.createWorkspace();

        given().get(WORKSPACES + "/{ws}/vocabularies/stages", id).then().statusCode(200)
                .body("items.code", contains("PROSPECTING", "DISCOVERY", "QUALIFICATION", "SOLUTION", "PROPOSAL",
                        "NEGOTIATION", "CLOSING"))
                .body("items.position", contains(1, 2, 3, 4, 5, 6, 7))
                .body("items.archived", everyItem(equalTo(false)));
        assertThat(sql.count("""
                select count(*) from vocabulary_entry v
                  join (values ('PROSPECTING', 1), ('DISCOVERY', 2), ('QUALIFICATION', 3), ('SOLUTION', 4),
                               ('PROPOSAL', 5), ('NEGOTIATION', 6), ('CLOSING', 7)) as d(code, position)
                    on v.code = d.code and v.position = d.position
                 where v.workspace_id = ? and v.kind = 'STAGE'""", id)).isEqualTo(7);
        assertThat(sql.count("select count(*) from vocabulary_entry where workspace_id = ?", id)).isEqualTo(7);
    }

    @Test
    void seedsANewWorkspaceWithTheElevenDefaultLossReasons() {
        String id = Api.createWorkspace();

        given().get(WORKSPACES + "/{ws}/loss-reasons", id).then().statusCode(200)
                .body("items", hasSize(11))
                .body("items.code", containsInAnyOrder("WRONG_RESEARCH", "FEATURES_NOT_PAIN", "NO_DECISION_MAKER",
                        "PRICE_ONLY", "SLOW_RESPONSE", "POOR_FIT", "BAD_TIMING", "NO_BUDGET", "LOST_TO_COMPETITOR",
                        "PRODUCT_GAP", "OTHER"));
        assertThat(sql.count("select count(*) from loss_reason where workspace_id = ? and not archived", id)).isEqualTo(11);
    }

    @Test
    void returnsAWorkspaceById() {
        String id = Api.createWorkspace();

        given().get(WORKSPACES + "/{id}", id).then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(id))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("defaultCurrency", equalTo("EUR"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
    }

    @Test
    void updatesNameTimeZoneAndCurrency() {
        String id = Api.createWorkspace();
        String createdAt = given().get(WORKSPACES + "/{id}", id).then().statusCode(200).extract().path("createdAt");

        given().contentType(ContentType.JSON).body(Api.workspace("Acme Sales Americas", "America/New_York", "USD"))
                .put(WORKSPACES + "/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(id))
                .body("name", equalTo("Acme Sales Americas"))
                .body("timeZone", equalTo("America/New_York"))
                .body("defaultCurrency", equalTo("USD"))
                .body("createdAt", equalTo(createdAt));

        assertThat(sql.count("select count(*) from workspace where id = ? and name = 'Acme Sales Americas'"
                + " and time_zone = 'America/New_York' and default_currency = 'USD' and updated_at >= created_at", id))
                .isEqualTo(1);
        given().get(WORKSPACES + "/{id}", id).then().statusCode(200).body("name", equalTo("Acme Sales Americas"));
    }

    // ---- 404 -----------------------------------------------------------------------------------

    @Test
    void answers404ForAnUnknownWorkspace() {
        Api.problem(given().get(WORKSPACES + "/{id}", UUID.randomUUID()).then(), 404, "workspace.not-found");
    }

    @Test
    @SendsInvalidInput
    void answers404ForAMalformedWorkspaceId() {
        Api.problem(given().get(WORKSPACES + "/{id}", "not-a-uuid").then(), 404, "workspace.not-found");
        Api.problem(given().get(WORKSPACES + "/{id}", UUID.randomUUID() + "0").then(), 404, "workspace.not-found");
    }

    @Test
    void updatingAnUnknownWorkspaceCreatesNothing() {
        long before = sql.count(COUNT_WORKSPACES);
        UUID unknown = UUID.randomUUID();

        Api.problem(given().contentType(ContentType.JSON).body(Api.workspace("Ghost", "Europe/Berlin", "EUR"))
                .put(WORKSPACES + "/{id}", unknown).then(), 404, "workspace.not-found");

        assertThat(sql.count(COUNT_WORKSPACES)).isEqualTo(before);
        assertThat(sql.count("select count(*) from workspace where id = ?", unknown.toString())).isZero();
    }

    // ---- 400: the body is not a workspace ------------------------------------------------------

    @Test
    @SendsInvalidInput
    void rejectsBlankName() {
        createRejected(Api.workspace("   ", "Europe/Berlin", "EUR"), 400, "validation.failed")
                .body("errors.field", contains("name"));
    }

    @Test
    @SendsInvalidInput
    void rejectsMissingFields() {
        createRejected(Map.of(), 400, "validation.failed")
                .body("errors.field", contains("defaultCurrency", "name", "timeZone"));
    }

    @Test
    @SendsInvalidInput
    void rejectsTooLongName() {
        createRejected(Api.workspace("x".repeat(201), "Europe/Berlin", "EUR"), 400, "validation.failed")
                .body("errors.field", contains("name"));
    }

    @Test
    void acceptsANameOfExactlyTheMaximumLength() {
        String name = ("Max" + System.nanoTime() + "x".repeat(200)).substring(0, 200);
        given().contentType(ContentType.JSON).body(Api.workspace(name, "Europe/Berlin", "EUR"))
                .post(WORKSPACES).then().statusCode(201).body("name", equalTo(name));
        assertThat(sql.count("select count(*) from workspace where name = ?", name)).isEqualTo(1);
    }

    @Test
    void rejectsUnknownField() {
        Map<String, Object> body = new HashMap<>(Api.workspace("Acme", "Europe/Berlin", "EUR"));
        body.put("colour", "blue");
        createRejected(body, 400, "body.unknown-field").body("errors.field", contains("colour"));
    }

    @Test
    void rejectsTheServerOwnedId() {
        Map<String, Object> body = new HashMap<>(Api.workspace("Acme", "Europe/Berlin", "EUR"));
        String chosenId = UUID.randomUUID().toString();
        body.put("id", chosenId);
        createRejected(body, 400, "body.unknown-field").body("errors.field", contains("id"));
        assertThat(sql.count("select count(*) from workspace where id = ?", chosenId)).isZero();
    }

    @Test
    @SendsInvalidInput
    void rejectsANameOfTheWrongType() {
        createRejected("{\"name\": 5, \"timeZone\": \"Europe/Berlin\", \"defaultCurrency\": \"EUR\"}", 400,
                "body.invalid-type").body("errors.field", contains("name"));
    }

    @Test
    @SendsInvalidInput
    void rejectsMalformedJson() {
        createRejected("{\"name\": \"Acme\", \"timeZone\": ", 400, "body.malformed").body("errors.field", contains("body"));
    }

    @Test
    @SendsInvalidInput
    void updateRejectsBlankNameAndKeepsTheWorkspaceAsItWas() {
        String id = Api.createWorkspace();
        String name = given().get(WORKSPACES + "/{id}", id).then().extract().path("name");

        Api.problem(given().contentType(ContentType.JSON).body(Api.workspace("", "America/New_York", "USD"))
                .put(WORKSPACES + "/{id}", id).then(), 400, "validation.failed")
                .body("errors.field", contains("name"));

        assertThat(sql.count("select count(*) from workspace where id = ? and name = ? and time_zone = 'Europe/Berlin'"
                + " and default_currency = 'EUR' and version = 0", id, name)).isEqualTo(1);
    }

    // ---- 422: well-formed but not a real time zone or currency ---------------------------------

    @Test
    void rejectsAnUnknownTimeZone() {
        createRejected(Api.workspace("Acme", "Mars/Olympus_Mons", "EUR"), 422, "workspace.time-zone-invalid")
                .body("errors.field", contains("timeZone"));
    }

    @Test
    void rejectsACurrencyThatIsNotIso4217() {
        createRejected(Api.workspace("Acme", "Europe/Berlin", "ABC"), 422, "currency.invalid")
                .body("errors.field", contains("defaultCurrency"));
        createRejected(Api.workspace("Acme", "Europe/Berlin", "eur"), 422, "currency.invalid")
                .body("errors.field", contains("defaultCurrency"));
    }

    @Test
    void updateRejectsAnUnknownTimeZoneAndKeepsTheWorkspaceAsItWas() {
        String id = Api.createWorkspace();

        Api.problem(given().contentType(ContentType.JSON).body(Api.workspace("Renamed", "Europe/Atlantis", "EUR"))
                .put(WORKSPACES + "/{id}", id).then(), 422, "workspace.time-zone-invalid")
                .body("errors.field", contains("timeZone"));

        assertThat(sql.count("select count(*) from workspace where id = ? and name <> 'Renamed'"
                + " and time_zone = 'Europe/Berlin' and version = 0", id)).isEqualTo(1);
    }

    /** POSTs a workspace that must be rejected, and checks that no workspace (nor anything else) was written. */
    private ValidatableResponse createRejected(Object body, int status, String code) {
        long workspaces = sql.count(COUNT_WORKSPACES);
        long entries = sql.count("select count(*) from vocabulary_entry");
        long reasons = sql.count("select count(*) from loss_reason");

        ValidatableResponse response = Api.problem(given().contentType(ContentType.JSON).body(body)
                .post(WORKSPACES).then(), status, code);

        assertThat(sql.count(COUNT_WORKSPACES)).as("workspaces after a rejected create").isEqualTo(workspaces);
        assertThat(sql.count("select count(*) from vocabulary_entry")).isEqualTo(entries);
        assertThat(sql.count("select count(*) from loss_reason")).isEqualTo(reasons);
        return response;
    }
}
