package dev.debrief.bootstrap.deal;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DealListTest {

    static final String DEALS = "/api/v1/workspaces/{ws}/deals";

    String ws;
    String discovery;
    String enterprise;

    @BeforeEach
    void deals() {
        ws = Api.createWorkspace();
        discovery = Api.vocabularyId(ws, "stages", "DISCOVERY");
        enterprise = Api.addVocabularyEntry(ws, "segments", "Enterprise");
        deal("Alpha", "Acme", 300, null, null);
        deal("beta", "Initech", 100, discovery, enterprise);
        deal("Gamma", "acme labs", null, discovery, null);
        deal("Delta", "Globex", 200, null, enterprise);
        deal("Epsilon 100%_off", "Hooli", 100, null, null);
        close("Alpha", "WON", "2026-11-01");
        close("beta", "NO_DECISION", "2026-11-10");
        close("Delta", "WON", "2026-11-20");
    }

    @Test
    void sortsByNameCaseInsensitivelyAndWalksAllPages() {
        List<String> names = walk("sort=name", 2);
        assertThat(names).containsExactly("Alpha", "beta", "Delta", "Epsilon 100%_off", "Gamma");
    }

    @Test
    void sortsDescendingWithNullsLastAndTiesById() {
        List<String> byAmount = walk("sort=-amount", 2);
        assertThat(byAmount.subList(0, 2)).containsExactly("Alpha", "Delta");
        assertThat(byAmount.subList(2, 4)).containsExactlyInAnyOrder("beta", "Epsilon 100%_off");
        assertThat(byAmount.get(4)).isEqualTo("Gamma");
        assertThat(walk("sort=-amount", 1)).isEqualTo(byAmount);
        assertThat(walk("sort=closedOn", 1)).containsSubsequence("Alpha", "beta", "Delta");
        assertThat(walk("sort=closedOn", 1).subList(3, 5)).containsExactlyInAnyOrder("Gamma", "Epsilon 100%_off");
        // Descending, the closed deals newest first, then the open ones (no closedOn) still last, ties by id
        // descending: the ascending walk's two parts each reversed. A page size of 1 puts a cursor among the nulls.
        List<String> ascending = walk("sort=closedOn", 1);
        List<String> closed = new java.util.ArrayList<>(ascending.subList(0, 3));
        List<String> open = new java.util.ArrayList<>(ascending.subList(3, 5));
        java.util.Collections.reverse(closed);
        java.util.Collections.reverse(open);
        List<String> descending = new java.util.ArrayList<>(closed);
        descending.addAll(open);
        assertThat(walk("sort=-closedOn", 1)).isEqualTo(descending);
        assertThat(walk("sort=-closedOn", 2)).isEqualTo(descending);
    }

    @Test
    void defaultsToNewestFirst() {
        given().get(DEALS, ws).then().statusCode(200)
                .body("items.name", contains("Epsilon 100%_off", "Delta", "Gamma", "beta", "Alpha"))
                .body("nextCursor", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "outcome=WON|Alpha,Delta",
            "outcome=OPEN|Gamma,Epsilon 100%_off",
            "closedFrom=2026-11-05|beta,Delta",
            "closedFrom=2026-11-01&closedTo=2026-11-10|Alpha,beta",
            "q=ACME|Alpha,Gamma",
            "q=100%_|Epsilon 100%_off",
            "q=%|Epsilon 100%_off",
    })
    void filters(String query, String expected) {
        assertThat(walk(query, 10)).containsExactlyInAnyOrder(expected.split(","));
    }

    @Test
    void filtersByVocabularyValues() {
        assertThat(walk("stageId=" + discovery, 10)).containsExactlyInAnyOrder("beta", "Gamma");
        assertThat(walk("segmentId=" + enterprise + "&stageId=" + discovery, 10)).containsExactly("beta");
    }

    @Test
    void aCursorOnlyWorksWithTheFiltersAndSortItWasMadeWith() {
        String cursor = given().get(DEALS + "?sort=name&limit=2", ws).then().statusCode(200).extract().path("nextCursor");
        given().get(DEALS + "?sort=name&limit=2&cursor=" + cursor, ws).then().statusCode(200);
        given().get(DEALS + "?sort=-name&limit=2&cursor=" + cursor, ws).then().statusCode(400)
                .body("code", equalTo("cursor.mismatch")).body("errors[0].field", equalTo("cursor"));
        given().get(DEALS + "?sort=name&outcome=WON&limit=2&cursor=" + cursor, ws).then().statusCode(400)
                .body("code", equalTo("cursor.mismatch"));
        given().get(DEALS + "?cursor=bm9wZQ", ws).then().statusCode(400).body("code", equalTo("cursor.invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "limit=0|page.limit-out-of-range|limit",
            "limit=101|page.limit-out-of-range|limit",
            "limit=ten|query.invalid|limit",
            "sort=owner|sort.invalid|sort",
            "outcome=MAYBE|query.invalid|outcome",
            "stageId=nope|query.invalid|stageId",
            "closedFrom=2026-13-01|query.invalid|closedFrom",
    })
    @SendsInvalidInput
    void rejectsBadQueryParameters(String query, String code, String field) {
        given().get(DEALS + "?" + query, ws).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo(code)).body("errors[0].field", equalTo(field));
    }

    @Test
    void neverListsAnotherWorkspacesDeals() {
        String other = Api.createWorkspace();
        Api.createDeal(other, "Other workspace's deal");
        assertThat(walk("sort=name", 100)).doesNotContain("Other workspace's deal").hasSize(5);
        given().get(DEALS, other).then().body("items.name", containsInAnyOrder("Other workspace's deal"));
    }

    /** Follows nextCursor to the end and returns the names in the order served. */
    private List<String> walk(String query, int limit) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            String url = DEALS + "?" + query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            Response response = given().get(url, ws).then().statusCode(200).extract().response();
            names.addAll(response.path("items.name"));
            cursor = response.path("nextCursor");
            if (cursor == null) {
                return names;
            }
        }
        throw new AssertionError("pagination did not end");
    }

    private final Map<String, String> ids = new HashMap<>();

    private void deal(String name, String account, Integer amount, String stage, String segment) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("account", account);
        if (amount != null) body.put("amount", Map.of("value", amount, "currency", "EUR"));
        if (stage != null) body.put("stageId", stage);
        if (segment != null) body.put("segmentId", segment);
        ids.put(name, Api.createDeal(ws, body).statusCode(201).extract().path("id"));
    }

    private void close(String name, String outcome, String on) {
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("outcome", outcome, "closedOn", on))
                .post(DEALS + "/{id}/close", ws, ids.get(name)).then().statusCode(200);
    }
}
