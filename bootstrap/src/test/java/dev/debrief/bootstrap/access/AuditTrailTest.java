package dev.debrief.bootstrap.access;

import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** Every write leaves exactly one audit row, in its own transaction, naming who, what, when and the request. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AuditTrailTest {

    @Inject
    Sql sql;

    @Test
    void everyWriteRecordsOneEventWithItsActorAndRequestId() {
        String ws = Api.createWorkspace();
        String alice = Api.myMemberId(ws);

        String deal = write(r -> r.contentType(ContentType.JSON).body(Map.of("name", "Audited", "account", "Acme"))
                .post("/api/v1/workspaces/{ws}/deals", ws), 201, ws, "deal", "create", List.of("name", "account")).path("id");
        write(r -> r.contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"account\":\"Acme Corp\"}")
                .patch("/api/v1/workspaces/{ws}/deals/{d}", ws, deal), 200, ws, "deal", "change", List.of("account"));
        write(r -> r.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("outcome", "LOST", "closedOn", "2026-11-20", "lossAnalysis", Api.lossAnalysis(ws)))
                .post("/api/v1/workspaces/{ws}/deals/{d}/close", ws, deal), 200, ws, "deal", "close",
                List.of("outcome", "closedOn", "lossAnalysis"));
        write(r -> r.contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Api.lossAnalysis(ws))
                .put("/api/v1/workspaces/{ws}/deals/{d}/loss-analysis", ws, deal), 200, ws, "deal", "amend-loss-analysis",
                List.of("lossAnalysis"));
        write(r -> r.header("If-Match", "\"3\"").post("/api/v1/workspaces/{ws}/deals/{d}/reopen", ws, deal), 200, ws,
                "deal", "reopen", List.of("outcome", "closedOn", "lossAnalysis"));
        write(r -> r.header("If-Match", "\"4\"").delete("/api/v1/workspaces/{ws}/deals/{d}", ws, deal), 204, ws,
                "deal", "delete", List.of());
        write(r -> r.contentType(ContentType.JSON).body(Map.of("name", "Enterprise"))
                .post("/api/v1/workspaces/{ws}/vocabularies/segments", ws), 201, ws, "vocabulary-entry", "create",
                List.of("code", "name", "position"));
        write(r -> r.contentType(ContentType.JSON).body(Map.of("archived", true))
                .patch("/api/v1/workspaces/{ws}/loss-reasons/{id}", ws, Api.reasonId(ws, "OTHER")), 200, ws,
                "loss-reason", "change", List.of("archived"));
        write(r -> r.contentType(ContentType.JSON).body(Map.of("name", "Renamed", "timeZone", "Europe/Berlin", "defaultCurrency", "EUR"))
                .put("/api/v1/workspaces/{ws}", ws), 200, ws, "workspace", "change", List.of("name"));
        String member = write(r -> r.contentType(ContentType.JSON).body(Map.of("email", "audit-" + UUID.randomUUID() + "@example.com", "role", "REP"))
                .post("/api/v1/workspaces/{ws}/members", ws), 201, ws, "member", "invite",
                List.of("email", "displayName", "role")).path("id");
        write(r -> r.contentType(ContentType.JSON).body(Map.of("role", "MANAGER"))
                .patch("/api/v1/workspaces/{ws}/members/{m}", ws, member), 200, ws, "member", "change", List.of("role"));
        write(r -> r.delete("/api/v1/workspaces/{ws}/members/{m}", ws, member), 204, ws, "member", "remove", List.of("removedAt"));
        String key = write(r -> r.contentType(ContentType.JSON).body(Map.of("name", "CRM", "scopes", List.of("deals:write")))
                .post("/api/v1/workspaces/{ws}/api-keys", ws), 201, ws, "api-key", "create", List.of("name", "scopes")).path("id");
        write(r -> r.delete("/api/v1/workspaces/{ws}/api-keys/{k}", ws, key), 200, ws, "api-key", "revoke", List.of("revokedAt"));

        given().get("/api/v1/workspaces/{ws}/audit-events?actorId=" + alice, ws).then().statusCode(200)
                .body("items.actorKind", everyItem(equalTo("MEMBER")))
                .body("items.actorId", everyItem(equalTo(alice)));
    }

    @Test
    void theCreationOfAWorkspaceAndOfItsFounderAreItsFirstEvents() {
        String ws = Api.createWorkspace();
        given().get("/api/v1/workspaces/{ws}/audit-events", ws).then().statusCode(200)
                .body("items.resource", org.hamcrest.Matchers.containsInAnyOrder("workspace", "member"))
                .body("items.action", everyItem(equalTo("create")))
                .body("items.actorId", everyItem(equalTo(Api.myMemberId(ws))));
    }

    @Test
    void aRejectedWriteLeavesNoEvent() {
        String ws = Api.createWorkspace();
        String deal = Api.createDeal(ws, "x");
        String requestId = "rejected-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("outcome", "LOST", "closedOn", "2026-11-20"))
                .post("/api/v1/workspaces/{ws}/deals/{d}/close", ws, deal).then().statusCode(422);
        assertThat(sql.count("select count(*) from audit_event where request_id = ?", requestId)).isZero();
    }

    @Test
    void aKeysWritesAreItsOwn() {
        String ws = Api.createWorkspace();
        String secret = Api.createApiKey(ws, "deals:write");
        String requestId = "by-key-" + UUID.randomUUID();
        given().header("Authorization", "Bearer " + secret).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).body(Map.of("name", "Pushed"))
                .post("/api/v1/workspaces/{ws}/deals", ws).then().statusCode(201);
        assertThat(sql.count("select count(*) from audit_event where request_id = ? and actor_kind = 'API_KEY'"
                + " and actor_id is not null", requestId)).isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void listsNewestFirstOnePageAtATimeAndFilters() {
        String ws = Api.createWorkspace();
        for (int i = 0; i < 5; i++) {
            Api.createDeal(ws, "Deal " + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().get("/api/v1/workspaces/{ws}/audit-events?resource=deal&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), ws).then().statusCode(200).extract().response();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        String first = given().get("/api/v1/workspaces/{ws}/audit-events?resource=deal&limit=2", ws).then().extract().path("nextCursor");
        given().get("/api/v1/workspaces/{ws}/audit-events?resource=workspace&limit=2&cursor=" + first, ws).then()
                .statusCode(400).body("code", equalTo("cursor.mismatch"));
        given().get("/api/v1/workspaces/{ws}/audit-events?from=yesterday", ws).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    interface Call {
        Response send(RequestSpecification request);
    }

    /** Sends one write with its own request id and checks the single audit row it left. */
    private Response write(Call call, int status, String ws, String resource, String action, List<String> fields) {
        String requestId = "audit-" + UUID.randomUUID();
        Response response = call.send(given().header("X-Request-Id", requestId));
        assertThat(response.statusCode()).as(resource + " " + action + ": " + response.asString()).isEqualTo(status);
        assertThat(sql.count("select count(*) from audit_event where request_id = ? and workspace_id = ?", requestId, ws))
                .as("audit rows of " + resource + " " + action).isEqualTo(1);
        assertThat(sql.count("select count(*) from audit_event where request_id = ? and resource = ? and action = ?"
                + " and changed_fields = ?::varchar[]", requestId, resource, action, "{" + String.join(",", fields) + "}"))
                .as("audit row of " + resource + " " + action + " with fields " + fields).isEqualTo(1);
        return response;
    }
}
