package dev.debrief.bootstrap.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No write request can set a field the server owns. Driven by the served contract: for every
 * operation with a JSON body, each property its success response has and its request has not is
 * sent alone, and must be a 400 {@code body.unknown-field} naming it, with nothing written.
 */
@QuarkusTest
@SendsInvalidInput
@WithTestResource(EmbeddedPostgresResource.class)
class MassAssignmentTest {

    @Inject
    Sql sql;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serverOwnedFieldsAreRefusedOnEveryWrite() throws Exception {
        String ws = Api.createWorkspace();
        String deal = Api.createDeal(ws, "Guarded");
        String lesson = given().contentType(ContentType.JSON)
                .body(Map.of("statement", "Call back within a day", "sourceDealIds", List.of(deal)))
                .post("/api/v1/workspaces/{ws}/lessons", ws).then().statusCode(201).extract().path("id");
        String followUp = given().contentType(ContentType.JSON)
                .body(Map.of("text", "Call the buyer", "dueOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString()))
                .post("/api/v1/workspaces/{ws}/follow-ups", ws).then().statusCode(201).extract().path("id");
        String planItem = given().contentType(ContentType.JSON).body(Map.of("text", "Call back within a day",
                        "date", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(1).toString()))
                .post("/api/v1/workspaces/{ws}/members/{m}/action-plan/items", ws, Api.myMemberId(ws))
                .then().statusCode(201).extract().path("id");
        Map<String, String> ids = Map.ofEntries(Map.entry("{workspaceId}", ws), Map.entry("{dealId}", deal),
                Map.entry("{vocabulary}", "segments"),
                Map.entry("{entryId}", Api.addVocabularyEntry(ws, "segments", "Guarded segment")),
                Map.entry("{reasonId}", Api.reasonId(ws, "OTHER")), Map.entry("{memberId}", Api.myMemberId(ws)),
                Map.entry("{keyId}", UUID.randomUUID().toString()), Map.entry("{source}", "salesforce"),
                Map.entry("{externalId}", "mass-1"), Map.entry("{kind}", "stage"), Map.entry("{lessonId}", lesson),
                Map.entry("{followUpId}", followUp), Map.entry("{itemId}", planItem));
        JsonNode contract = json.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        JsonNode schemas = contract.path("components").path("schemas");
        List<String> failures = new ArrayList<>();
        int cases = 0;
        long before = sql.rowsOf(ws) + sql.count("select count(*) from workspace");

        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.isMissingNode()) {
                    continue;
                }
                String contentType = content.fieldNames().next();
                if (!contentType.contains("json")) {
                    // A file (the CSV import): its columns are data, not fields of the job; unknown ones are ignored by design.
                    continue;
                }
                Set<String> requestFields = properties(schemas, content.path(contentType).path("schema"));
                Set<String> serverOwned = new TreeSet<>();
                op.getValue().path("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().startsWith("2")) {
                        serverOwned.addAll(properties(schemas, response.getValue().path("content").path("application/json").path("schema")));
                    }
                });
                serverOwned.removeAll(requestFields);
                String url = path.getKey();
                for (Map.Entry<String, String> id : ids.entrySet()) {
                    url = url.replace(id.getKey(), id.getValue());
                }
                for (String field : serverOwned) {
                    cases++;
                    String etag = given().get("/api/v1/workspaces/{ws}/deals/{d}", ws, deal).header("ETag");
                    Response response = given().contentType(ContentType.fromContentType(contentType) == null ? contentType : contentType)
                            .header("If-Match", etag).body(Map.of(field, "x"))
                            .request(op.getKey().toUpperCase(), url);
                    String name = op.getKey().toUpperCase() + " " + path.getKey() + " with " + field;
                    if (response.statusCode() != 400 || !"body.unknown-field".equals(response.path("code"))
                            || !List.of(field).equals(response.path("errors.field"))) {
                        failures.add(name + ": " + response.statusCode() + " " + response.asString());
                    }
                }
            }
        }
        System.out.println("Mass assignment: " + cases + " cases");
        assertThat(cases).isGreaterThan(40);
        assertThat(failures).isEmpty();
        assertThat(sql.rowsOf(ws) + sql.count("select count(*) from workspace")).isEqualTo(before);
    }

    private static Set<String> properties(JsonNode schemas, JsonNode schema) {
        Set<String> names = new TreeSet<>();
        JsonNode resolved = schema.has("$ref")
                ? schemas.path(schema.get("$ref").asText().replace("#/components/schemas/", "")) : schema;
        resolved.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
