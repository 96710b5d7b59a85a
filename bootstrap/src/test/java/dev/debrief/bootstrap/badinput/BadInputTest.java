package dev.debrief.bootstrap.badinput;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.AuthenticateAsAlice;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.bootstrap.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Input the service can't store or read is a 400 (or 415, 414) problem naming what is wrong, never a
 * 500 from PostgreSQL and never silently reinterpreted; and nothing is written.
 */
@QuarkusTest
@SendsInvalidInput
@WithTestResource(EmbeddedPostgresResource.class)
class BadInputTest {

    static final String DEALS = "/api/v1/workspaces/{ws}/deals";

    @Inject
    Sql sql;

    @TestHTTPResource("/")
    URL base;

    String ws;

    @BeforeEach
    void workspace() {
        ws = Api.createWorkspace();
    }

    // --- text -------------------------------------------------------------------------------

    @Test
    void aNulInABodyFieldIsRefusedNamingTheField() {
        long before = sql.rowsOf(ws);

        invalidText(Api.createDeal(ws, Map.of("name", "Acme\u0000")), "name");
        invalidText(Api.createDeal(ws, Map.of("name", "Acme", "account", "\ud800 lone")), "account");
        invalidText(given().contentType(ContentType.JSON).body(Map.of("name", "Seg\u0000"))
                .post("/api/v1/workspaces/{ws}/vocabularies/segments", ws).then(), "name");

        assertThat(sql.rowsOf(ws)).isEqualTo(before);
    }

    @Test
    void aNulDeepInsideABodyOrAMergePatchIsRefusedWithItsPath() {
        String deal = Api.createDeal(ws, "Acme");
        Map<String, Object> analysis = new java.util.HashMap<>(Api.lossAnalysis(ws));
        analysis.put("whatWeWouldDoDifferently", "Call\u0000back");
        invalidText(given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("outcome", "LOST", "closedOn", yesterday(), "lossAnalysis", analysis))
                .post(DEALS + "/{deal}/close", ws, deal).then(), "lossAnalysis.whatWeWouldDoDifferently");
        invalidText(given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"competitor\":\"Glo\\u0000bex\"}").patch(DEALS + "/{deal}", ws, deal).then(), "competitor");
        given().get(DEALS + "/{deal}", ws, deal).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void aNulInAQueryOrPathParameterIsRefusedNamingTheParameter() {
        invalidText(given().urlEncodingEnabled(false).get(DEALS + "?q=ac%00me", ws).then(), "q");
        invalidText(given().urlEncodingEnabled(false).get("/api/v1/workspaces/" + ws + "/audit-events?resource=deal%00").then(), "resource");
        invalidText(given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("occurredAt", "2026-11-20T10:00:00Z", "name", "Globex", "outcome", "OPEN"))
                .put("/api/v1/workspaces/" + ws + "/deals-by-external-id/sales%00force/006A1").then(), "source");
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid", ws)).isZero();
    }

    @Test
    void aNulInABatchItemRejectsThatItemAlone() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("items", List.of(
                        Map.of("source", "hubspot", "externalId", "n-1", "occurredAt", "2026-11-20T10:00:00Z", "name", "Fine", "outcome", "OPEN"),
                        Map.of("source", "hubspot", "externalId", "n-2", "occurredAt", "2026-11-20T10:00:00Z", "name", "N\u0000", "outcome", "OPEN"))))
                .post("/api/v1/workspaces/{ws}/deal-outcomes/batch", ws).then().statusCode(207)
                .body("results.result", contains("created", "rejected"))
                .body("results[1].problem.code", equalTo("text.invalid-character"))
                .body("results[1].problem.errors[0].field", equalTo("items[1].name"));
    }

    // --- dates ------------------------------------------------------------------------------

    @Test
    void datesAreIsoStringsBetween1900And9999() {
        long before = sql.rowsOf(ws);

        Api.problem(Api.createDeal(ws, Map.of("name", "x", "pitchedAt", "+999999999-12-31")), 400, "date.out-of-range")
                .body("errors[0].field", equalTo("pitchedAt"));
        Api.problem(Api.createDeal(ws, Map.of("name", "x", "pitchedAt", "1899-12-31")), 400, "date.out-of-range");
        Api.problem(Api.createDeal(ws, Map.of("name", "x", "pitchedAt", 123)), 400, "body.invalid-type")
                .body("errors[0].field", equalTo("pitchedAt"));
        Api.problem(Api.createDeal(ws, Map.of("name", "x", "pitchedAt", "2026-3-2")), 400, "body.invalid-type");
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "k", "scopes", List.of("deals:read"), "expiresAt", 1893456000))
                .post("/api/v1/workspaces/{ws}/api-keys", ws).then(), 400, "body.invalid-type").body("errors[0].field", equalTo("expiresAt"));
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "k", "scopes", List.of("deals:read"),
                        "expiresAt", "+10000-01-01T00:00:00Z"))
                .post("/api/v1/workspaces/{ws}/api-keys", ws).then(), 400, "date.out-of-range");
        assertThat(sql.rowsOf(ws)).isEqualTo(before);

        Api.createDeal(ws, Map.of("name", "edges", "pitchedAt", "1900-01-01")).statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("name", "k", "scopes", List.of("deals:read"),
                "expiresAt", "9999-12-31T23:59:59+00:00")).post("/api/v1/workspaces/{ws}/api-keys", ws).then().statusCode(201);
    }

    @Test
    void dateQueryParametersFollowTheSameRule() {
        Api.problem(given().queryParam("from", "+999999999-12-31").get("/api/v1/workspaces/{ws}/win-backs", ws).then(), 400, "date.out-of-range")
                .body("errors[0].field", equalTo("from"));
        Api.problem(given().get(DEALS + "?closedFrom=0001-01-01", ws).then(), 400, "date.out-of-range");
        Api.problem(given().queryParam("from", "+20000-01-01T00:00:00Z").get("/api/v1/workspaces/{ws}/audit-events", ws).then(), 400, "date.out-of-range");
        Api.problem(given().get("/api/v1/workspaces/{ws}/audit-events?from=123", ws).then(), 400, "query.invalid");
    }

    // --- media types ------------------------------------------------------------------------

    @Test
    void aJsonWriteWithoutAJsonContentTypeInUtf8IsRefusedWith415() throws Exception {
        long before = sql.count("select count(*) from workspace");
        String body = "{\"name\":\"Acme\",\"timeZone\":\"Europe/Berlin\",\"defaultCurrency\":\"EUR\"}";

        for (String contentType : new String[]{null, "*/*", "application/*", "application/json; charset=ISO-8859-1", "application/json;charset=utf-16"}) {
            HttpResponse<String> answer = send("POST", "/api/v1/workspaces", contentType, body);
            assertThat(answer.statusCode()).as("Content-Type %s", contentType).isEqualTo(415);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("\"code\":\"media-type.unsupported\"").contains("application/json");
        }
        assertThat(sql.count("select count(*) from workspace")).isEqualTo(before);

        assertThat(send("POST", "/api/v1/workspaces", "application/json; charset=UTF-8", body).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/v1/workspaces", "application/json", body).statusCode()).isEqualTo(201);
    }

    @Test
    void aMergePatchNamesTheMediaTypesItReadsAndReadsBoth() throws Exception {
        String deal = Api.createDeal(ws, "Acme");
        HttpResponse<String> answer = send("PATCH", "/api/v1/workspaces/" + ws + "/deals/" + deal, null, "{\"name\":\"y\"}", "If-Match", "\"0\"");
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.body()).contains("application/merge-patch+json or application/json");
        assertThat(send("PATCH", "/api/v1/workspaces/" + ws + "/deals/" + deal, "application/merge-patch+json", "{\"name\":\"y\"}",
                "If-Match", "\"0\"").statusCode()).isEqualTo(200);
        assertThat(send("PATCH", "/api/v1/workspaces/" + ws + "/deals/" + deal, "application/json", "{\"name\":\"z\"}",
                "If-Match", "\"1\"").statusCode()).isEqualTo(200);
    }

    // --- the HTTP layer ---------------------------------------------------------------------

    @Test
    void anOverLongUriIsA414Problem() {
        String q = "a".repeat(5000);
        Api.problem(given().get(DEALS + "?q=" + q, ws).then(), 414, "request.uri-too-long");
    }

    /**
     * What the HTTP codec answers before any handler of ours runs stays as documented in docs/decisions.md
     * ("Bad input"): an empty 414 past the codec's 64 KB request line, an empty 400 for a control character
     * in a header value. If Quarkus ever lets us install an invalidRequestHandler, this test tells.
     */
    @Test
    void theCodecsOwnAnswersAreTheDocumentedEmptyOnes() throws Exception {
        String overLine = raw("GET /api/v1/me?q=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(overLine).startsWith("HTTP/1.0 414").containsIgnoringCase("content-length: 0").doesNotContain("problem+json");
        String control = raw("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\n\r\n");
        assertThat(control).startsWith("HTTP/1.1 400").containsIgnoringCase("content-length: 0").doesNotContain("problem+json");
    }

    private String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            java.io.InputStream in = socket.getInputStream();
            int b;
            while (!answer.toString().contains("\r\n\r\n") && (b = in.read()) >= 0) {
                answer.append((char) b);
            }
            return answer.toString();
        } catch (java.net.SocketException e) {
            return "dropped: " + e;
        }
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + Tokens.person(AuthenticateAsAlice.ALICE));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ValidatableResponse invalidText(ValidatableResponse response, String field) {
        return Api.problem(response, 400, "text.invalid-character").body("errors[0].field", equalTo(field))
                .body("detail", containsString(field));
    }

    private static String yesterday() {
        return LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1).toString();
    }
}
