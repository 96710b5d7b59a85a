package dev.debrief.bootstrap.export;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.bootstrap.support.Tokens;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DealExportTest {

    static final String EXPORT = "/api/v1/workspaces/{ws}/deals/export";
    static final String HEADER = "id,source,external_id,occurred_at,name,account,owner_email,amount,currency,team,stage,"
            + "segment,persona,lead_source,pitched_at,pitched_term_months,risk_tags,competitor,outcome,closed_on,"
            + "analysis_status,analysis_source,primary_reason,primary_controllable,contributing_reasons,"
            + "contributing_controllable,stage_lost_at,fit,loss_competitor,what_happened,what_we_would_do_differently,"
            + "partner_reason_text,created_at,updated_at";
    static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    @Inject
    Sql sql;

    @Inject
    MemberRepository members;

    String ws;
    String open;
    String lost;
    String partner;

    @BeforeEach
    void deals() {
        ws = Api.createWorkspace();
        String proposal = Api.vocabularyId(ws, "stages", "PROPOSAL");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Acme, renewal");
        body.put("account", "Acme \"Labs\"");
        body.put("ownerId", Api.myMemberId(ws));
        body.put("amount", Map.of("value", 48000, "currency", "EUR"));
        body.put("stageId", proposal);
        body.put("segmentId", Api.addVocabularyEntry(ws, "segments", "Enterprise"));
        body.put("pitchedAt", "2026-10-01");
        body.put("pitchedTermMonths", 24);
        body.put("riskTags", List.of("BIGGER_DEAL", "NEW_MARKET"));
        body.put("competitor", "-Globex");
        open = Api.createDeal(ws, body).statusCode(201).extract().path("id");

        lost = Api.createDeal(ws, "Initech pilot");
        Map<String, Object> analysis = new LinkedHashMap<>();
        analysis.put("primaryReason", Map.of("reasonId", Api.reasonId(ws, "SLOW_RESPONSE")));
        analysis.put("contributingReasons", List.of(
                Map.of("reasonId", Api.reasonId(ws, "LOST_TO_COMPETITOR"), "controllable", false),
                Map.of("reasonId", Api.reasonId(ws, "NO_BUDGET"))));
        analysis.put("stageLostAtId", proposal);
        analysis.put("fit", "GOOD_FIT");
        analysis.put("competitor", "Globex");
        analysis.put("whatHappened", "Line one\nLine two; \"quoted\"");
        analysis.put("whatWeWouldDoDifferently", "@mention the CFO");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("outcome", "LOST", "closedOn", "2026-11-20", "lossAnalysis", analysis))
                .post("/api/v1/workspaces/{ws}/deals/{id}/close", ws, lost).then().statusCode(200);

        partner = given().contentType(ContentType.JSON)
                .body("{\"occurredAt\":\"2026-01-10T10:00:00Z\",\"name\":\"x\",\"outcome\":\"LOST\",\"closedOn\":\"2026-01-09\","
                        + "\"lossAnalysis\":{\"reasonText\":\"=HYPERLINK(\\\"evil\\\")\"}}")
                .put("/api/v1/workspaces/{ws}/deals-by-external-id/{source}/{externalId}", ws, "salesforce", "006A01")
                .then().statusCode(201).extract().path("deal.id");
    }

    @Test
    void exportsEveryDealWithItsCurrentAnalysisOldestFirst() {
        Response response = given().get(EXPORT, ws).then().statusCode(200).extract().response();
        assertThat(response.contentType()).matches("(?i)text/csv; ?charset=UTF-8");
        assertThat(response.header("Content-Disposition")).matches("attachment; filename=\"deals-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        String text = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith(HEADER + "\r\n");

        List<Map<String, String>> rows = rows(text, ',');
        assertThat(rows).extracting(r -> r.get("id")).containsExactly(open, lost, partner);

        Map<String, String> o = rows.get(0);
        assertThat(o).containsEntry("source", "").containsEntry("external_id", "").containsEntry("occurred_at", "")
                .containsEntry("name", "Acme, renewal").containsEntry("account", "Acme \"Labs\"")
                .containsEntry("owner_email", "alice@example.com").containsEntry("amount", "48000.00")
                .containsEntry("currency", "EUR").containsEntry("team", "").containsEntry("stage", "PROPOSAL")
                .containsEntry("segment", "ENTERPRISE").containsEntry("pitched_at", "2026-10-01")
                .containsEntry("pitched_term_months", "24").containsEntry("risk_tags", "NEW_MARKET|BIGGER_DEAL")
                .containsEntry("competitor", "'-Globex").containsEntry("outcome", "OPEN").containsEntry("closed_on", "")
                .containsEntry("analysis_status", "").containsEntry("primary_reason", "")
                .containsEntry("contributing_reasons", "").containsEntry("partner_reason_text", "");
        assertThat(o.get("created_at")).matches(INSTANT);
        assertThat(o.get("updated_at")).matches(INSTANT);

        Map<String, String> l = rows.get(1);
        assertThat(l).containsEntry("outcome", "LOST").containsEntry("closed_on", "2026-11-20")
                .containsEntry("analysis_status", "COMPLETE").containsEntry("analysis_source", "DEBRIEF")
                .containsEntry("primary_reason", "SLOW_RESPONSE").containsEntry("primary_controllable", "true")
                .containsEntry("contributing_reasons", "LOST_TO_COMPETITOR|NO_BUDGET")
                .containsEntry("contributing_controllable", "false|false").containsEntry("stage_lost_at", "PROPOSAL")
                .containsEntry("fit", "GOOD_FIT").containsEntry("loss_competitor", "Globex")
                .containsEntry("what_happened", "Line one\nLine two; \"quoted\"")
                .containsEntry("what_we_would_do_differently", "'@mention the CFO")
                .containsEntry("owner_email", "").containsEntry("amount", "");

        Map<String, String> p = rows.get(2);
        assertThat(p).containsEntry("source", "salesforce").containsEntry("external_id", "006A01")
                .containsEntry("occurred_at", "2026-01-10T10:00:00Z").containsEntry("name", "x")
                .containsEntry("outcome", "LOST").containsEntry("closed_on", "2026-01-09")
                .containsEntry("analysis_status", "PENDING_TRIAGE").containsEntry("analysis_source", "PARTNER")
                .containsEntry("primary_reason", "").containsEntry("primary_controllable", "")
                .containsEntry("contributing_reasons", "").containsEntry("fit", "")
                .containsEntry("partner_reason_text", "'=HYPERLINK(\"evil\")");
        // As sent over the wire: guarded, then quoted because of the quotes.
        assertThat(text).contains(",\"'=HYPERLINK(\"\"evil\"\")\",")
                .contains(",\"Acme, renewal\",\"Acme \"\"Labs\"\"\",")
                .contains(",\"Line one\nLine two; \"\"quoted\"\"\",");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "outcome=LOST|Initech pilot;x",
            "outcome=OPEN|Acme, renewal",
            "q=ACME|Acme, renewal",
            "q=initech&outcome=LOST|Initech pilot",
            "closedFrom=2026-11-01|Initech pilot",
            "closedTo=2026-06-30|x",
            "q=nothing matches|",
    })
    void appliesTheListsFilters(String query, String names) {
        String text = given().get(EXPORT + "?" + query, ws).then().statusCode(200).extract().asString();
        List<String> expected = names == null ? List.of() : List.of(names.split(";"));
        assertThat(rows(text, ',')).extracting(r -> r.get("name")).containsExactlyElementsOf(expected);
    }

    @Test
    void filtersByVocabularyValuesAndOwner() {
        String proposal = Api.vocabularyId(ws, "stages", "PROPOSAL");
        assertThat(rows(given().get(EXPORT + "?stageId=" + proposal, ws).then().statusCode(200).extract().asString(), ','))
                .extracting(r -> r.get("id")).containsExactly(open);
        assertThat(rows(given().get(EXPORT + "?ownerId=" + Api.myMemberId(ws), ws).then().statusCode(200).extract().asString(), ','))
                .extracting(r -> r.get("id")).containsExactly(open);
    }

    @Test
    void startsWithAByteOrderMarkOnlyWhenAsked() {
        byte[] withBom = given().get(EXPORT + "?bom=true", ws).then().statusCode(200).extract().asByteArray();
        assertThat(withBom).startsWith(0xEF, 0xBB, 0xBF, 'i', 'd', ',');
        byte[] without = given().get(EXPORT + "?bom=false", ws).then().statusCode(200).extract().asByteArray();
        assertThat(without).startsWith('i', 'd', ',');
        assertThat(given().get(EXPORT, ws).then().statusCode(200).extract().asByteArray()).isEqualTo(without);
    }

    @Test
    void separatesWithSemicolonsWhenAsked() {
        String text = given().get(EXPORT + "?delimiter=semicolon", ws).then().statusCode(200).extract().asString();
        assertThat(text).startsWith(HEADER.replace(',', ';') + "\r\n");
        assertThat(text).contains(";Acme, renewal;").contains(";\"Line one\nLine two; \"\"quoted\"\"\";");
        List<Map<String, String>> rows = rows(text, ';');
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("Acme, renewal", "Initech pilot", "x");
        assertThat(rows.get(0)).containsEntry("risk_tags", "NEW_MARKET|BIGGER_DEAL").containsEntry("amount", "48000.00");
    }

    @Test
    void anEmptySelectionIsTheHeaderAlone() {
        String empty = Api.createWorkspace();
        assertThat(given().get(EXPORT, empty).then().statusCode(200).extract().asString()).isEqualTo(HEADER + "\r\n");
    }

    @Test
    void neverExportsAnotherWorkspacesDeals() {
        String other = Api.createWorkspace();
        Api.createDeal(other, "Other workspace's deal");
        assertThat(rows(given().get(EXPORT, ws).then().statusCode(200).extract().asString(), ','))
                .extracting(r -> r.get("name")).containsExactly("Acme, renewal", "Initech pilot", "x");
    }

    @Test
    void streamsMoreRowsThanOneFetchInCreationOrder() {
        String big = Api.createWorkspace();
        sql.execute("""
                insert into deal (id, workspace_id, name, outcome, created_at, updated_at, version)
                select gen_random_uuid(), ?, 'Bulk ' || lpad(n::text, 5, '0'), 'OPEN',
                       timestamptz '2026-01-01 00:00:00+00' + n * interval '1 second', now(), 0
                from generate_series(1, 2500) n""", big);
        String text = given().get(EXPORT, big).then().statusCode(200).extract().asString();
        List<Map<String, String>> rows = rows(text, ',');
        assertThat(rows).hasSize(2500);
        assertThat(rows.get(0)).containsEntry("name", "Bulk 00001").containsEntry("created_at", "2026-01-01T00:00:01Z");
        assertThat(rows.get(2499)).containsEntry("name", "Bulk 02500");
        assertThat(rows).extracting(r -> r.get("name")).isSorted();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "outcome=MAYBE|outcome",
            "stageId=nope|stageId",
            "closedFrom=2026-13-01|closedFrom",
            "bom=yes|bom",
            "delimiter=tab|delimiter",
    })
    @SendsInvalidInput
    void rejectsBadParametersWithAProblemBeforeAnyCsv(String query, String field) {
        Api.problem(given().accept("text/csv").get(EXPORT + "?" + query, ws).then(), 400, "query.invalid")
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void anotherWorkspaceIsNotFound() {
        Api.problem(given().header("Authorization", "Bearer " + Tokens.person("outsider-carol"))
                .get(EXPORT, ws).then(), 404, "workspace.not-found");
        Api.problem(given().get(EXPORT, UUID.randomUUID().toString()).then(), 404, "workspace.not-found");
    }

    @Test
    void aRepMayExport() {
        String rep = "export-rep-" + UUID.randomUUID();
        Principal.Person person = new Principal.Person(Tokens.ISSUER, "sub-" + rep, rep + "@example.com", true, rep);
        QuarkusTransaction.requiringNew().run(() -> members.save(Member.join(new WorkspaceId(UUID.fromString(ws)),
                person, Role.REP, Instant.now())));
        String text = given().header("Authorization", "Bearer " + Tokens.person(rep)).get(EXPORT, ws)
                .then().statusCode(200).extract().asString();
        assertThat(rows(text, ',')).hasSize(3);
    }

    @Test
    void aDealsReadKeyMayExport() {
        given().header("Authorization", "Bearer " + Api.createApiKey(ws, "deals:read")).get(EXPORT, ws)
                .then().statusCode(200);
    }

    /** The CSV's rows as header → cell, after checking that every row has as many cells as the header. */
    static List<Map<String, String>> rows(String text, char delimiter) {
        List<List<String>> lines = CsvReader.parse(text, delimiter);
        List<String> header = lines.get(0);
        return lines.subList(1, lines.size()).stream().map(line -> {
            assertThat(line).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line.get(i));
            }
            return row;
        }).toList();
    }
}
