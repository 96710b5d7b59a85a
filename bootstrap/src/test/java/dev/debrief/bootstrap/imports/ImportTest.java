package dev.debrief.bootstrap.imports;

import dev.debrief.adapter.rest.deal.DealCsvColumn;
import dev.debrief.application.port.in.imports.RunImportJobsUseCase;
import dev.debrief.application.service.imports.CsvDealRows;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.AuthenticateAsAlice;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.bootstrap.support.Tokens;
import dev.debrief.domain.imports.ImportId;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * CSV imports end to end: upload, the job run step by step (the test profile turns the scheduled runner
 * off and sets batches of 3 rows), progress, rejections, restarts, and the export → import round trip.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ImportTest {

    static final String IMPORTS = "/api/v1/workspaces/{ws}/imports";

    @Inject
    RunImportJobsUseCase runner;

    @Inject
    Sql sql;

    @TestHTTPResource("/api/v1/")
    URL api;

    String ws;

    @BeforeEach
    void workspace() {
        runAll(); // jobs other tests left queued
        ws = Api.createWorkspace();
    }

    @Test
    void readsBomSemicolonsQuotedNewlinesAnyHeaderCaseAndRejectsABadDateWithItsRowNumber() {
        String csv = "\uFEFFName;ACCOUNT;Outcome;Closed_On;Primary_Reason;What_Happened;Favourite_Colour\r\n"
                + "Acme renewal;Acme Corp;LOST;2026-11-20;SLOW_RESPONSE;\"Line one\r\nLine two; \"\"quoted\"\"\";blue\r\n"
                + "Globex;Globex;WON;2026-11-18;;;red\r\n"
                + "Initech;Initech;LOST;31/12/2026;;;green\r\n"
                + "\r\n"
                + "Umbrella;;open;;;;\r\n";
        String id = start(csv, "k-1").extract().path("id");

        runAll();

        job(id).body("status", equalTo("SUCCEEDED")).body("rowsRead", equalTo(4)).body("created", equalTo(3))
                .body("rejected", equalTo(1)).body("updated", equalTo(0)).body("error", nullValue());
        given().get(IMPORTS + "/{id}/rejections", ws, id).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].rowNumber", equalTo(4))
                .body("items[0].field", equalTo("closed_on"))
                .body("items[0].code", equalTo("value.invalid"))
                .body("nextCursor", nullValue());
        assertThat(sql.rows("""
                select d.name, d.account, d.outcome, d.external_source, a.what_happened from deal d
                left join loss_analysis a on a.deal_id = d.id and a.current where d.workspace_id = ? order by d.name""", ws))
                .extracting(r -> r.get("name") + "|" + r.get("account") + "|" + r.get("outcome") + "|" + r.get("external_source")
                        + "|" + r.get("what_happened"))
                .containsExactly("Acme renewal|Acme Corp|LOST|csv|Line one\r\nLine two; \"quoted\"",
                        "Globex|Globex|WON|csv|null", "Umbrella|null|OPEN|csv|null");
    }

    @Test
    void readsCommasWithMissingOptionalColumnsAndReimportingTheSameSheetUpdatesInsteadOfDuplicating() {
        String csv = "name,account,outcome,amount,currency\nAcme,Acme Corp,OPEN,100.50,EUR\nGlobex,\"Globex, Inc\",OPEN,x,EUR\n";
        String first = start(csv, "k-1").extract().path("id");
        runAll();
        job(first).body("created", equalTo(1)).body("rejected", equalTo(1));
        given().get(IMPORTS + "/{id}/rejections", ws, first).then().statusCode(200)
                .body("items[0].rowNumber", equalTo(3)).body("items[0].field", equalTo("amount"));

        String second = start(csv.replace("100.50", "200.00"), "k-2").extract().path("id");
        runAll();

        job(second).body("updated", equalTo(1)).body("created", equalTo(0));
        assertThat(sql.count("select count(*) from deal where workspace_id = ?", ws)).isEqualTo(1);
    }

    @Test
    void valuesTheDealRulesRefuseRejectTheirRowNotTheJob() {
        String csv = "name,outcome,amount,currency,pitched_term_months,closed_on,primary_reason,owner_email\n"
                + "x".repeat(300) + ",OPEN,,,,,,\n"
                + "Bad currency,OPEN,100,EURO,,,,\n"
                + "Negative,OPEN,-5,EUR,,,,\n"
                + "Long term,OPEN,,,500,,,\n"
                + "Future,WON,,,,2999-01-01,,\n"
                + "Unknown reason,LOST,,,,2026-01-01,NOT_A_CODE,\n"
                + "Unknown owner,OPEN,,,,,,nobody@example.com\n";
        String id = start(csv, "k-1").extract().path("id");

        runAll();

        job(id).body("status", equalTo("SUCCEEDED")).body("rowsRead", equalTo(7)).body("created", equalTo(1))
                .body("rejected", equalTo(6));
        List<Map<String, Object>> rejections = given().get(IMPORTS + "/{id}/rejections", ws, id).then().statusCode(200)
                .extract().path("items");
        assertThat(rejections).extracting(r -> r.get("rowNumber") + " " + r.get("field"))
                .containsExactly("2 name", "3 currency", "4 amount", "5 pitched_term_months", "6 closed_on", "7 primary_reason");
    }

    @Test
    void movesFromQueuedThroughRunningToSucceededWithCounts() {
        ValidatableResponse started = start(rows(5), "k-1");
        String id = started.extract().path("id");
        started.header("Location", endsWith("/api/v1/workspaces/" + ws + "/imports/" + id))
                .body("status", equalTo("QUEUED")).body("rowsRead", equalTo(0)).body("startedAt", nullValue());
        job(id).body("status", equalTo("QUEUED"));

        assertThat(runner.runNext(1)).contains(new ImportId(UUID.fromString(id)));
        job(id).body("status", equalTo("RUNNING")).body("rowsRead", equalTo(3)).body("created", equalTo(3))
                .body("startedAt", notNullValue()).body("finishedAt", nullValue());

        expireLease(id);
        runAll();
        job(id).body("status", equalTo("SUCCEEDED")).body("rowsRead", equalTo(5)).body("created", equalTo(5))
                .body("finishedAt", notNullValue());
        assertThat(sql.count("select count(*) from import_file_chunk where import_id = ?", id))
                .as("the file is deleted once imported").isZero();
    }

    @Test
    void aJobWhoseRunnerStoppedIsLeftAloneWhileItsLeaseLastsThenResumesFromItsCheckpoint() {
        String id = start(rows(8), "k-1").extract().path("id");

        runner.runNext(1); // one batch of 3 committed, then the "instance" stops
        assertThat(runner.runNext(Integer.MAX_VALUE)).as("the lease still holds").isEmpty();
        assertThat(sql.count("select checkpoint_row from import_job where id = ?", id)).isEqualTo(4);

        expireLease(id);
        runner.runNext(1); // a second runner takes it over: rows 5 to 7
        job(id).body("status", equalTo("RUNNING")).body("rowsRead", equalTo(6));
        expireLease(id);
        runAll();

        job(id).body("status", equalTo("SUCCEEDED")).body("rowsRead", equalTo(8)).body("created", equalTo(8))
                .body("unchanged", equalTo(0)).body("rejected", equalTo(0));
        assertThat(sql.count("select count(*) from deal where workspace_id = ?", ws)).isEqualTo(8);
        assertThat(sql.count("select attempts from import_job where id = ?", id)).isEqualTo(3);
    }

    @Test
    void twoRunnersRacingClaimEachJobOnce() throws Exception {
        String a = start(rows(4), "k-1").extract().path("id");
        String b = start(rows(4).replace("Deal ", "Other "), "k-2").extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<ImportId>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return runner.runNext(Integer.MAX_VALUE);
                }));
            }
            go.countDown();
            List<String> ran = new ArrayList<>();
            for (Future<Optional<ImportId>> run : runs) {
                run.get().ifPresent(id -> ran.add(id.value().toString()));
            }
            runAll();
            assertThat(sql.rows("select id::text as id, attempts, status, rows_read from import_job where workspace_id = ?", ws))
                    .allSatisfy(r -> assertThat(r).containsEntry("attempts", 1).containsEntry("status", "SUCCEEDED")
                            .containsEntry("rows_read", 4));
            assertThat(ran).doesNotHaveDuplicates().isSubsetOf(a, b);
            assertThat(sql.count("select count(*) from deal where workspace_id = ?", ws)).isEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameKeyAndFileAnswerTheSameJobAgain() {
        String id = start(rows(2), "k-1").extract().path("id");

        start(rows(2), "k-1").header(IdempotentResponsesHeader.NAME, "true").body("id", equalTo(id))
                .header("Location", endsWith("/imports/" + id));
        Api.problem(given().contentType("text/csv").header("Idempotency-Key", "k-1").body(rows(3))
                .post(IMPORTS, ws).then(), 422, "idempotency.key-reused");

        assertThat(sql.count("select count(*) from import_job where workspace_id = ?", ws)).isEqualTo(1);
        assertThat(sql.count("select count(*) from import_file_chunk where workspace_id = ?", ws)).isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void refusesAnEmptyFileAFileWithoutNameAndARequestWithoutKey() {
        Api.problem(given().contentType("text/csv").header("Idempotency-Key", "k-1").body("")
                .post(IMPORTS, ws).then(), 400, "import.empty-file");
        Api.problem(given().contentType("text/csv").header("Idempotency-Key", "k-2").body(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})
                .post(IMPORTS, ws).then(), 400, "import.empty-file");
        Api.problem(given().contentType("text/csv").header("Idempotency-Key", "k-3").body("\r\nAcme,OPEN\r\n")
                .post(IMPORTS, ws).then(), 400, "import.header-missing");
        Api.problem(given().contentType("text/csv").header("Idempotency-Key", "k-4").body("account,outcome\nAcme,OPEN\n")
                .post(IMPORTS, ws).then(), 400, "import.column-required").body("errors[0].field", equalTo("name"));
        Api.problem(given().contentType("text/csv").body(rows(1)).post(IMPORTS, ws).then(), 400, "idempotency.key-required");

        assertThat(sql.count("select count(*) from import_job where workspace_id = ?", ws)).isZero();
    }

    @Test
    void aQuoteThatNeverClosesIsRefusedWithItsRowInsteadOfMergingTheRowsAfterIt() {
        Api.problem(given().contentType("text/csv").header("Idempotency-Key", "k-1")
                .body("name,outcome\nUmbrella,OPEN\n\"Acme,LOST\nGlobex,WON\nInitech,LOST\n").post(IMPORTS, ws).then(),
                400, "import.unterminated-quote").body("detail", containsString("Row 3"));

        assertThat(sql.count("select count(*) from import_job where workspace_id = ?", ws)).isZero();
    }

    @Test
    void aRunawayQuoteIsRefusedAtTheRowLimitAndAnOverlongFieldNamesItsColumn() {
        String runaway = "name,outcome\nA,OPEN\nB,\"" + "x".repeat(1_200_000) + "\n";
        Api.problem(given().contentType("text/csv").header("Idempotency-Key", "k-1").body(runaway).post(IMPORTS, ws).then(),
                400, "import.row-too-large").body("detail", containsString("Row 3"));
        String longField = "name,outcome,what_happened\nA,LOST," + "y".repeat(100_001) + "\n";
        Api.problem(given().contentType("text/csv").header("Idempotency-Key", "k-2").body(longField).post(IMPORTS, ws).then(),
                400, "import.field-too-large").body("errors[0].field", equalTo("what_happened"))
                .body("detail", containsString("Row 2"));

        assertThat(sql.count("select count(*) from import_job where workspace_id = ?", ws)).isZero();
        assertThat(sql.count("select count(*) from import_file_chunk where workspace_id = ?", ws)).isZero();
    }

    @Test
    @SendsInvalidInput
    void anotherWorkspacesImportIsNotFound() {
        String id = start(rows(1), "k-1").extract().path("id");
        String other = Api.createWorkspace();

        Api.problem(given().get(IMPORTS + "/{id}", other, id).then(), 404, "import.not-found");
        Api.problem(given().get(IMPORTS + "/{id}/rejections", other, id).then(), 404, "import.not-found");
        Api.problem(given().get(IMPORTS + "/{id}", ws, "not-a-uuid").then(), 404, "import.not-found");
    }

    @Test
    void refusesAFileOverTheImportLimitDeclaredOrStreamed() throws Exception {
        byte[] big = bigFile(2 * 1024 * 1024 + 1);
        Api.problem(given().contentType("text/csv").header("Idempotency-Key", "k-1").body(big)
                .post(IMPORTS, ws).then(), 413, "request.too-large");

        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(api + "workspaces/" + ws + "/imports"))
                        .header("Authorization", "Bearer " + Tokens.person(AuthenticateAsAlice.ALICE))
                        .header("Content-Type", "text/csv").header("Idempotency-Key", "k-2")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"code\":\"request.too-large\"");

        assertThat(sql.count("select count(*) from import_job where workspace_id = ?", ws)).isZero();
        assertThat(sql.count("select count(*) from import_file_chunk where workspace_id = ?", ws)).isZero();
    }

    @Test
    void acceptsAFileOverTheGeneralBodyLimitButUnderTheImportLimit() {
        String id = start(new String(bigFile(1536 * 1024), StandardCharsets.UTF_8), "k-1").extract().path("id");

        assertThat(sql.count("select count(*) from import_file_chunk where import_id = ?", id)).isEqualTo(2);
        assertThat(sql.count("select file_bytes from import_job where id = ?", id)).isEqualTo(1536 * 1024);
    }

    @Test
    void exportThenImportChangesNothingForPartnerDeals() {
        push("006-1", "{\"occurredAt\":\"2026-01-10T10:00:00.123456Z\",\"name\":\"Acme, renewal\",\"account\":\"Acme \\\"Labs\\\"\","
                + "\"ownerEmail\":\"alice@example.com\",\"amount\":{\"value\":48000,\"currency\":\"EUR\"},\"stage\":\"PROPOSAL\","
                + "\"pitchedAt\":\"2025-10-01\",\"pitchedTermMonths\":24,\"competitor\":\"-Globex\",\"outcome\":\"LOST\","
                + "\"closedOn\":\"2026-01-09\",\"lossAnalysis\":{\"reasonCodes\":[\"SLOW_RESPONSE\",\"NO_BUDGET\"],"
                + "\"reasonText\":\"=too slow\",\"stageLostAt\":\"PROPOSAL\",\"fit\":\"GOOD_FIT\","
                + "\"whatHappened\":\"Line one\\nLine two; \\\"quoted\\\"\"}}");
        push("006-2", "{\"occurredAt\":\"2026-01-11T10:00:00Z\",\"name\":\"Globex\",\"outcome\":\"WON\",\"closedOn\":\"2026-01-10\"}");
        push("006-3", "{\"occurredAt\":\"2026-01-12T10:00:00Z\",\"name\":\"Initech\",\"outcome\":\"LOST\",\"closedOn\":\"2026-01-10\","
                + "\"lossAnalysis\":{\"reasonText\":\"Went with a cheaper tool\"}}");
        push("006-4", "{\"occurredAt\":\"2026-01-13T10:00:00Z\",\"name\":\"Umbrella\",\"outcome\":\"OPEN\"}");
        List<Map<String, Object>> before = versions();
        byte[] export = given().queryParam("bom", "true").queryParam("delimiter", "semicolon")
                .get("/api/v1/workspaces/{ws}/deals/export", ws).then().statusCode(200).extract().asByteArray();

        String id = given().contentType("text/csv").header("Idempotency-Key", "round-trip").body(export)
                .post(IMPORTS, ws).then().statusCode(202).extract().path("id");
        runAll();

        job(id).body("status", equalTo("SUCCEEDED")).body("rowsRead", equalTo(4)).body("unchanged", equalTo(4))
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("stale", equalTo(0)).body("rejected", equalTo(0));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aDealMadeInDebriefWithoutExternalReferenceIsRejectedNotDuplicated() {
        String mine = Api.createDeal(ws, "Hand-made deal");
        byte[] export = given().get("/api/v1/workspaces/{ws}/deals/export", ws).then().statusCode(200).extract().asByteArray();

        String id = given().contentType("text/csv").header("Idempotency-Key", "round-trip").body(export)
                .post(IMPORTS, ws).then().statusCode(202).extract().path("id");
        runAll();

        job(id).body("rejected", equalTo(1)).body("created", equalTo(0));
        given().get(IMPORTS + "/{id}/rejections", ws, id).then().statusCode(200)
                .body("items[0].rowNumber", equalTo(2)).body("items[0].field", equalTo("id"))
                .body("items[0].code", equalTo("import.deal-without-external-reference"));
        assertThat(sql.count("select count(*) from deal where workspace_id = ?", ws)).isEqualTo(1);

        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("externalReference", Map.of("source", "sheet", "externalId", "hand-1")))
                .patch("/api/v1/workspaces/{ws}/deals/{id}", ws, mine).then().statusCode(200);
        byte[] again = given().get("/api/v1/workspaces/{ws}/deals/export", ws).then().statusCode(200).extract().asByteArray();
        String second = given().contentType("text/csv").header("Idempotency-Key", "round-trip-2").body(again)
                .post(IMPORTS, ws).then().statusCode(202).extract().path("id");
        runAll();
        job(second).body("rejected", equalTo(0)).body("created", equalTo(0));
        assertThat(sql.count("select count(*) from deal where workspace_id = ?", ws)).isEqualTo(1);
    }

    @Test
    void readsOnlyColumnsTheExportWrites() {
        assertThat(Arrays.asList(DealCsvColumn.headers())).containsAll(CsvDealRows.COLUMNS);
    }

    @Test
    void theSampleFileImportsWithoutRejections() throws Exception {
        byte[] sample = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../docs/import-sample.csv"));
        String id = given().contentType("text/csv").header("Idempotency-Key", "sample").body(sample)
                .post(IMPORTS, ws).then().statusCode(202).extract().path("id");
        runAll();
        job(id).body("status", equalTo("SUCCEEDED")).body("rejected", equalTo(0)).body("created", equalTo(4));
    }

    private ValidatableResponse start(String csv, String key) {
        return given().contentType("text/csv").header("Idempotency-Key", key).body(csv.getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS, ws).then().statusCode(202);
    }

    private ValidatableResponse job(String id) {
        return given().get(IMPORTS + "/{id}", ws, id).then().statusCode(200);
    }

    private void runAll() {
        while (runner.runNext(Integer.MAX_VALUE).isPresent()) {
            // until no job waits
        }
    }

    private void expireLease(String id) {
        sql.execute("update import_job set lease_until = now() - interval '1 second' where id = ?", id);
    }

    private void push(String externalId, String body) {
        given().contentType(ContentType.JSON).body(body)
                .put("/api/v1/workspaces/{ws}/deals-by-external-id/{source}/{externalId}", ws, "salesforce", externalId)
                .then().statusCode(201);
    }

    private List<Map<String, Object>> versions() {
        return sql.rows("select id, version, updated_at from deal where workspace_id = ? order by id", ws);
    }

    private static String rows(int n) {
        StringBuilder csv = new StringBuilder("name,account,outcome\n");
        for (int i = 1; i <= n; i++) {
            csv.append("Deal ").append(i).append(",Account ").append(i).append(",OPEN\n");
        }
        return csv.toString();
    }

    private static byte[] bigFile(int size) {
        StringBuilder csv = new StringBuilder("name,outcome,what_happened\n");
        String row = "Deal,OPEN," + "x".repeat(100) + "\n";
        while (csv.length() + row.length() <= size) {
            csv.append(row);
        }
        csv.append("y".repeat(size - csv.length()));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class IdempotentResponsesHeader {
        static final String NAME = "Idempotent-Replayed";
    }
}
