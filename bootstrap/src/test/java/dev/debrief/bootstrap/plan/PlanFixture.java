package dev.debrief.bootstrap.plan;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.bootstrap.support.Tokens;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Deals, members, adopted lessons and follow-ups for the plan and brief tests, set up as a client would where it can. */
final class PlanFixture {

    static final String PLAN = "/api/v1/workspaces/{ws}/members/{member}/action-plan";
    static final String ITEMS = PLAN + "/items";
    static final String BRIEF = "/api/v1/workspaces/{ws}/deals/{deal}/brief";

    final String ws;
    private final Sql sql;
    private final MemberRepository members;

    PlanFixture(String ws, Sql sql, MemberRepository members) {
        this.ws = ws;
        this.sql = sql;
        this.members = members;
    }

    /** A joined member of the workspace; returns {id, token}. */
    String[] member(Role role) {
        String name = "plan-" + role.name().toLowerCase() + "-" + UUID.randomUUID();
        Principal.Person person = new Principal.Person(Tokens.ISSUER, "sub-" + name, name + "@example.com", true, name);
        Member member = QuarkusTransaction.requiringNew().call(() -> members.save(Member.join(
                new WorkspaceId(UUID.fromString(ws)), person, role, Instant.now())));
        return new String[]{member.id().value().toString(), Tokens.person(name)};
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    String deal(String name, String account, String ownerId, String segmentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("account", account);
        body.put("ownerId", ownerId);
        if (segmentId != null) {
            body.put("segmentId", segmentId);
        }
        return Api.createDeal(ws, body).statusCode(201).extract().path("id");
    }

    void closeAsWon(String deal) {
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("outcome", "WON", "closedOn", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString()))
                .post("/api/v1/workspaces/{ws}/deals/{d}/close", ws, deal).then().statusCode(200);
    }

    /** A PROPOSED lesson citing the deal, scoped to the segments given (none: everywhere). */
    String proposedLesson(String statement, String rationale, String sourceDeal, List<String> segmentIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("statement", statement);
        body.put("rationale", rationale);
        body.put("sourceDealIds", List.of(sourceDeal));
        body.put("segmentIds", segmentIds);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/workspaces/{ws}/lessons", ws)
                .then().statusCode(201).extract().path("id");
    }

    /** An ADOPTED lesson with this many endorsements (the counter set directly: many members are not the point). */
    String adoptedLesson(String statement, String rationale, String sourceDeal, List<String> segmentIds, int endorsements) {
        String id = proposedLesson(statement, rationale, sourceDeal, segmentIds);
        given().header("If-Match", "\"0\"").post("/api/v1/workspaces/{ws}/lessons/{id}/adopt", ws, id).then().statusCode(200);
        sql.execute("update lesson set endorsements = ? where id = ?::uuid", endorsements, id);
        return id;
    }

    /** A follow-up written straight into follow_up (its API is not this feature's); returns its id. */
    String followUp(String kind, String text, String assigneeId, LocalDate dueOn, String dealId, String status) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        sql.execute("""
                insert into follow_up (id, workspace_id, kind, text, assignee_id, due_on, deal_id, status, outcome_note,
                    resolved_by, resolved_at, created_by, created_at, updated_at, version)
                values (?::uuid, ?::uuid, ?, ?, ?::uuid, ?, ?::uuid, ?, ?, ?, ?, 'test', ?, ?, 0)""",
                id, ws, kind, text, assigneeId, dueOn, dealId, status,
                "OPEN".equals(status) ? null : "resolved", "OPEN".equals(status) ? null : "test",
                "OPEN".equals(status) ? null : java.sql.Timestamp.from(now),
                java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));
        return id;
    }

    /** Today in the workspace's time zone. */
    LocalDate today() {
        String zone = given().get("/api/v1/workspaces/{ws}", ws).then().statusCode(200).extract().path("timeZone");
        return LocalDate.now(java.time.ZoneId.of(zone));
    }
}
