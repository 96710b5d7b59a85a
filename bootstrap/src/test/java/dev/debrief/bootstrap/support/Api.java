package dev.debrief.bootstrap.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** Small helpers to set up data through the public API, as a client would. */
public final class Api {

    private Api() {
    }

    public static String createWorkspace() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Test " + System.nanoTime(), "timeZone", "Europe/Berlin", "defaultCurrency", "EUR"))
                .post("/api/v1/workspaces").then().statusCode(201).extract().path("id");
    }

    /** The id of the entry with this code in a vocabulary ("stages", "segments", ...). */
    public static String vocabularyId(String workspaceId, String vocabulary, String code) {
        List<Map<String, Object>> items = given().get("/api/v1/workspaces/{ws}/vocabularies/{v}?includeArchived=true",
                workspaceId, vocabulary).then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> code.equals(i.get("code"))).map(i -> (String) i.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + vocabulary));
    }

    public static String addVocabularyEntry(String workspaceId, String vocabulary, String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/v1/workspaces/{ws}/vocabularies/{v}", workspaceId, vocabulary)
                .then().statusCode(201).extract().path("id");
    }

    public static String reasonId(String workspaceId, String code) {
        List<Map<String, Object>> items = given().get("/api/v1/workspaces/{ws}/loss-reasons?includeArchived=true", workspaceId)
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> code.equals(i.get("code"))).map(i -> (String) i.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no reason " + code));
    }

    public static ValidatableResponse createDeal(String workspaceId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/workspaces/{ws}/deals", workspaceId).then();
    }

    public static String createDeal(String workspaceId, String name) {
        return createDeal(workspaceId, Map.of("name", name)).statusCode(201).extract().path("id");
    }

    /** A valid loss analysis: SLOW_RESPONSE as primary reason, lost at PROPOSAL, a good fit. */
    public static Map<String, Object> lossAnalysis(String workspaceId) {
        return Map.of("primaryReason", Map.of("reasonId", reasonId(workspaceId, "SLOW_RESPONSE"), "note", "Quote took three days"),
                "stageLostAtId", vocabularyId(workspaceId, "stages", "PROPOSAL"),
                "fit", "GOOD_FIT",
                "whatWeWouldDoDifferently", "Send the revised quote the same day");
    }

    /**
     * Asserts an RFC 9457 answer: this status and stable code, served as application/problem+json,
     * with an X-Request-Id header that the problem's instance names.
     */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        response.statusCode(status)
                .header("Content-Type", matchesPattern("application/problem\\+json(;.*)?"))
                .header("X-Request-Id", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("type", equalTo("https://debrief.dev/problems/" + code))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()));
        String requestId = response.extract().header("X-Request-Id");
        return response.body("instance", equalTo("urn:debrief:request:" + requestId));
    }

    /** A workspace request body. */
    public static Map<String, Object> workspace(String name, String timeZone, String defaultCurrency) {
        return Map.of("name", name, "timeZone", timeZone, "defaultCurrency", defaultCurrency);
    }

    /** A new API key of the workspace with one scope; returns its secret. */
    public static String createApiKey(String workspaceId, String... scopes) {
        return given().contentType(ContentType.JSON).body(Map.of("name", "Key " + System.nanoTime(), "scopes", List.of(scopes)))
                .post("/api/v1/workspaces/{ws}/api-keys", workspaceId).then().statusCode(201).extract().path("secret");
    }

    /** The caller's member id in the workspace (from GET /me). */
    public static String myMemberId(String workspaceId) {
        return given().get("/api/v1/me").then().statusCode(200).extract()
                .path("workspaces.find { it.id == '" + workspaceId + "' }.memberId");
    }
}
