package dev.debrief.bootstrap.access;

import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.bootstrap.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Invitations bind to verified emails, roles change, the last admin stays, and a REP writes only their own deals. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class MembersTest {

    @Inject
    Sql sql;

    @Test
    void anInvitationBindsToTheFirstTokenWithThatEmailVerified() {
        String ws = Api.createWorkspace();
        String name = "invitee-" + UUID.randomUUID();
        invite(ws, name + "@example.com", "REP").statusCode(201).body("status", equalTo("INVITED"));

        String unverified = Tokens.person(name, c -> c.claim("email_verified", false));
        given().header("Authorization", "Bearer " + unverified).get("/api/v1/workspaces/{ws}/deals", ws).then().statusCode(404);
        assertThat(sql.count("select count(*) from member where workspace_id = ? and subject is null", ws)).isEqualTo(1);

        given().header("Authorization", "Bearer " + Tokens.person(name)).get("/api/v1/workspaces/{ws}/deals", ws).then().statusCode(200);
        assertThat(sql.count("select count(*) from member where workspace_id = ? and subject = ?", ws, "sub-" + name)).isEqualTo(1);
        given().get("/api/v1/workspaces/{ws}/members", ws).then().statusCode(200)
                .body("items.find { it.email == '" + name + "@example.com' }.status", equalTo("ACTIVE"));
        assertThat(sql.count("select count(*) from audit_event where workspace_id = ? and resource = 'member' and action = 'accept'", ws))
                .isEqualTo(1);
    }

    @Test
    void aRemovedMemberCanBeInvitedBackAndRejoin() {
        String ws = Api.createWorkspace();
        String name = "returner-" + UUID.randomUUID();
        String first = invite(ws, name + "@example.com", "REP").statusCode(201).extract().path("id");
        given().header("Authorization", "Bearer " + Tokens.person(name)).get("/api/v1/workspaces/{ws}", ws).then().statusCode(200);
        given().delete("/api/v1/workspaces/{ws}/members/{id}", ws, first).then().statusCode(204);
        given().header("Authorization", "Bearer " + Tokens.person(name)).get("/api/v1/workspaces/{ws}", ws).then().statusCode(404);

        invite(ws, name + "@example.com", "MANAGER").statusCode(201);
        given().header("Authorization", "Bearer " + Tokens.person(name)).get("/api/v1/me").then().statusCode(200)
                .body("workspaces.find { it.id == '" + ws + "' }.role", equalTo("MANAGER"));
    }

    @Test
    void meBindsOpenInvitationsToo() {
        String ws = Api.createWorkspace();
        String name = "joiner-" + UUID.randomUUID();
        invite(ws, name + "@example.com", "MANAGER").statusCode(201);
        given().header("Authorization", "Bearer " + Tokens.person(name)).get("/api/v1/me").then().statusCode(200)
                .body("workspaces.find { it.id == '" + ws + "' }.role", equalTo("MANAGER"));
    }

    @Test
    void aSecondInvitationForTheSameEmailIsAConflict() {
        String ws = Api.createWorkspace();
        invite(ws, "twice@example.com", "REP").statusCode(201);
        invite(ws, "TWICE@example.com", "ADMIN").statusCode(409).body("code", equalTo("member.email-taken"));
    }

    @Test
    void theLastAdminCanNotBeDemotedOrRemoved() {
        String ws = Api.createWorkspace();
        String alice = Api.myMemberId(ws);
        given().contentType(ContentType.JSON).body(Map.of("role", "REP"))
                .patch("/api/v1/workspaces/{ws}/members/{id}", ws, alice).then().statusCode(409)
                .body("code", equalTo("member.last-admin"));
        given().delete("/api/v1/workspaces/{ws}/members/{id}", ws, alice).then().statusCode(409);
        given().get("/api/v1/workspaces/{ws}/members", ws).then().body("items.role", hasItem("ADMIN"));
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        String ws = Api.createWorkspace();
        String alice = Api.myMemberId(ws);
        String name = "second-admin-" + UUID.randomUUID();
        String bobId = invite(ws, name + "@example.com", "ADMIN").statusCode(201).extract().path("id");
        String bob = Tokens.person(name);
        given().header("Authorization", "Bearer " + bob).get("/api/v1/workspaces/{ws}", ws).then().statusCode(200);

        List<Integer> statuses = dev.debrief.bootstrap.deal.DealConcurrencyTestAccess.race(2, i -> () -> given()
                .header("Authorization", "Bearer " + (i == 0 ? Tokens.person("alice") : bob))
                .contentType(ContentType.JSON).body(Map.of("role", "MANAGER"))
                .patch("/api/v1/workspaces/{ws}/members/{id}", ws, i == 0 ? bobId : alice).statusCode());

        // One wins. The other is refused: 409 when both held the lock in turn as admins, 403 when the
        // winner had committed before the loser's access was even resolved (it is no admin any more).
        assertThat(statuses).containsOnlyOnce(200).hasSize(2);
        assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 409 || s == 403);
        assertThat(sql.count("select count(*) from member where workspace_id = ? and role = 'ADMIN' and subject is not null", ws))
                .isEqualTo(1);
    }

    @Test
    void aRepCreatesAndWritesOnlyTheirOwnDeals() {
        String ws = Api.createWorkspace();
        String name = "rep-" + UUID.randomUUID();
        invite(ws, name + "@example.com", "REP").statusCode(201);
        String rep = "Bearer " + Tokens.person(name);
        String repId = given().header("Authorization", rep).get("/api/v1/me").then().extract()
                .path("workspaces.find { it.id == '" + ws + "' }.memberId");
        String alice = Api.myMemberId(ws);

        String own = given().header("Authorization", rep).contentType(ContentType.JSON).body(Map.of("name", "Mine"))
                .post("/api/v1/workspaces/{ws}/deals", ws).then().statusCode(201)
                .body("owner.id", equalTo(repId)).extract().path("id");
        given().header("Authorization", rep).contentType(ContentType.JSON).body(Map.of("name", "For Alice", "ownerId", alice))
                .post("/api/v1/workspaces/{ws}/deals", ws).then().statusCode(403).body("code", equalTo("access.forbidden"));

        String alices = Api.createDeal(ws, Map.of("name", "Alice's", "ownerId", alice)).statusCode(201).extract().path("id");
        given().header("Authorization", rep).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\":\"taken over\"}").patch("/api/v1/workspaces/{ws}/deals/{id}", ws, alices).then().statusCode(403);
        given().header("Authorization", rep).header("If-Match", "\"0\"")
                .delete("/api/v1/workspaces/{ws}/deals/{id}", ws, alices).then().statusCode(403);
        given().header("Authorization", rep).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"ownerId\":\"" + alice + "\"}").patch("/api/v1/workspaces/{ws}/deals/{id}", ws, own).then().statusCode(403);
        given().header("Authorization", rep).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\":\"Still mine\"}").patch("/api/v1/workspaces/{ws}/deals/{id}", ws, own).then().statusCode(200);
        given().header("Authorization", rep).get("/api/v1/workspaces/{ws}/deals/{id}", ws, alices).then().statusCode(200);
        assertThat(sql.count("select count(*) from deal where id = ? and name = 'Alice''s'", alices)).isEqualTo(1);
    }

    @Test
    void aRemovedMemberLosesAccessButKeepsOwningTheirDeals() {
        String ws = Api.createWorkspace();
        String name = "leaver-" + UUID.randomUUID();
        String id = invite(ws, name + "@example.com", "REP").statusCode(201).extract().path("id");
        String leaver = "Bearer " + Tokens.person(name);
        String deal = given().header("Authorization", leaver).contentType(ContentType.JSON).body(Map.of("name", "Legacy"))
                .post("/api/v1/workspaces/{ws}/deals", ws).then().statusCode(201).extract().path("id");

        given().delete("/api/v1/workspaces/{ws}/members/{id}", ws, id).then().statusCode(204);
        given().header("Authorization", leaver).get("/api/v1/workspaces/{ws}/deals", ws).then().statusCode(404);
        given().get("/api/v1/workspaces/{ws}/deals/{d}", ws, deal).then().statusCode(200).body("owner.id", equalTo(id));
        given().get("/api/v1/workspaces/{ws}/members", ws).then().body("items.id", not(hasItem(id)));
        Api.createDeal(ws, Map.of("name", "New", "ownerId", id)).statusCode(422).body("code", equalTo("deal.owner-removed"));
    }

    @Test
    @SendsInvalidInput
    void aMergePatchChangesOnlyWhatItNamesClearsTheTeamAndNothingElse() {
        String ws = Api.createWorkspace();
        String team = Api.addVocabularyEntry(ws, "teams", "Hunters");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("email", "jane-" + UUID.randomUUID() + "@example.com", "displayName", "Jane", "role", "REP", "teamId", team))
                .post("/api/v1/workspaces/{ws}/members", ws).then().statusCode(201).extract().path("id");
        String member = "/api/v1/workspaces/{ws}/members/{id}";

        given().contentType("application/merge-patch+json").body(Map.of("role", "MANAGER")).patch(member, ws, id).then()
                .statusCode(200).body("role", equalTo("MANAGER")).body("displayName", equalTo("Jane")).body("teamId", equalTo(team));
        Map<String, Object> leave = new java.util.HashMap<>();
        leave.put("teamId", null);
        given().contentType("application/merge-patch+json").body(leave).patch(member, ws, id).then()
                .statusCode(200).body("teamId", nullValue()).body("role", equalTo("MANAGER")).body("displayName", equalTo("Jane"));
        for (String field : List.of("role", "displayName")) {
            Map<String, Object> nulled = new java.util.HashMap<>();
            nulled.put(field, null);
            Api.problem(given().contentType("application/merge-patch+json").body(nulled).patch(member, ws, id).then(),
                    400, "body.not-clearable").body("errors[0].field", equalTo(field));
        }
        assertThat(sql.count("select count(*) from member where id = ?::uuid and role = 'MANAGER' and display_name = 'Jane'"
                + " and team_id is null", id)).isEqualTo(1);
    }

    @Test
    void aTokenWithOverlongClaimsIsRefusedAndALongNameIsCut() {
        String name = "long-" + UUID.randomUUID();
        Api.problem(given().header("Authorization", "Bearer " + Tokens.person(name, c -> c.subject("s".repeat(256))))
                .get("/api/v1/me").then(), 401, "auth.unauthenticated");
        Api.problem(given().header("Authorization", "Bearer " + Tokens.person(name, c -> c.claim("email", "e".repeat(312) + "@example.com")))
                .get("/api/v1/me").then(), 401, "auth.unauthenticated");
        given().header("Authorization", "Bearer " + Tokens.person(name, c -> c.claim("name", "N".repeat(300)))).get("/api/v1/me").then()
                .statusCode(200).body("displayName.length()", equalTo(200)).body("moreWorkspaces", equalTo(false));
    }

    private static ValidatableResponse invite(String ws, String email, String role) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "role", role))
                .post("/api/v1/workspaces/{ws}/members", ws).then();
    }
}
