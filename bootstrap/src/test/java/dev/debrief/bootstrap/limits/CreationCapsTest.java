package dev.debrief.bootstrap.limits;

import dev.debrief.bootstrap.deal.DealConcurrencyTestAccess;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.plan.PlanItem;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caps that make the contract's maxItems of unpaged lists true: each holds when requests race for the last
 * places (the workspace's row lock), exactly as many succeed as there is room for, and the others get the 409.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CreationCapsTest {

    private static final int RACERS = 5;
    private static final int ROOM = 2;

    @Inject
    Sql sql;

    String ws;

    @BeforeEach
    void workspace() {
        ws = Api.createWorkspace();
    }

    /** Fires {@link #RACERS} requests at once; returns their answers. */
    private List<Response> race(IntFunction<Response> request) throws Exception {
        Response[] answers = new Response[RACERS];
        DealConcurrencyTestAccess.race(RACERS, i -> () -> {
            answers[i] = request.apply(i);
            return answers[i].statusCode();
        });
        return List.of(answers);
    }

    private static void assertExactlyTheRoomWasTaken(List<Response> answers, int created, String code) {
        assertThat(answers).extracting(Response::statusCode)
                .containsExactlyInAnyOrderElementsOf(statuses(created));
        assertThat(answers).filteredOn(a -> a.statusCode() == 409).extracting(a -> a.jsonPath().getString("code"))
                .containsOnly(code);
    }

    private static List<Integer> statuses(int created) {
        List<Integer> statuses = new java.util.ArrayList<>(Collections.nCopies(ROOM, created));
        statuses.addAll(Collections.nCopies(RACERS - ROOM, 409));
        return statuses;
    }

    @Test
    void aVocabularyHoldsTwoHundredEntriesArchivedOnesIncludedWhenAddsRaceForTheLastPlaces() throws Exception {
        sql.execute("""
                insert into vocabulary_entry (id, workspace_id, kind, code, name, position, archived, version)
                select gen_random_uuid(), ?::uuid, 'TEAM', 'TEAM_' || g, 'Team ' || g, g, g % 2 = 0, 0
                from generate_series(1, ?) g""", ws, VocabularyEntry.MAX_PER_VOCABULARY - ROOM);

        List<Response> answers = race(i -> given().contentType(ContentType.JSON).body(Map.of("name", "Racer " + i))
                .post("/api/v1/workspaces/{ws}/vocabularies/teams", ws));

        assertExactlyTheRoomWasTaken(answers, 201, "vocabulary.limit-reached");
        assertThat(sql.count("select count(*) from vocabulary_entry where workspace_id = ?::uuid and kind = 'TEAM'", ws))
                .isEqualTo(VocabularyEntry.MAX_PER_VOCABULARY);
        given().queryParam("includeArchived", true).get("/api/v1/workspaces/{ws}/vocabularies/teams", ws).then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(VocabularyEntry.MAX_PER_VOCABULARY));
    }

    @Test
    void aTaxonomyHoldsAHundredReasonsWhenAddsRaceForTheLastPlaces() throws Exception {
        long defaults = sql.count("select count(*) from loss_reason where workspace_id = ?::uuid", ws);
        sql.execute("""
                insert into loss_reason (id, workspace_id, code, name, category, default_controllability, archived, version)
                select gen_random_uuid(), ?::uuid, 'REASON_' || g, 'Reason ' || g, 'OTHER', 'YES', true, 0
                from generate_series(1, ?) g""", ws, LossReason.MAX_PER_WORKSPACE - ROOM - (int) defaults);

        List<Response> answers = race(i -> given().contentType(ContentType.JSON)
                .body(Map.of("name", "Racer " + i, "category", "OTHER", "defaultControllability", "NO"))
                .post("/api/v1/workspaces/{ws}/loss-reasons", ws));

        assertExactlyTheRoomWasTaken(answers, 201, "loss-reason.limit-reached");
        assertThat(sql.count("select count(*) from loss_reason where workspace_id = ?::uuid", ws)).isEqualTo(LossReason.MAX_PER_WORKSPACE);
    }

    @Test
    void aWorkspaceHoldsAThousandMembersAndInvitationsWhenInvitationsRaceForTheLastPlaces() throws Exception {
        long members = sql.count("select count(*) from member where workspace_id = ?::uuid and removed_at is null", ws);
        sql.execute("""
                insert into member (id, workspace_id, email, display_name, role, created_at)
                select gen_random_uuid(), ?::uuid, 'invitee' || g || '@example.com', 'Invitee ' || g, 'REP', now()
                from generate_series(1, ?) g""", ws, Member.MAX_PER_WORKSPACE - ROOM - (int) members);
        sql.execute("""
                insert into member (id, workspace_id, email, display_name, role, created_at, removed_at)
                select gen_random_uuid(), ?::uuid, 'gone' || g || '@example.com', 'Gone ' || g, 'REP', now(), now()
                from generate_series(1, 5) g""", ws);

        List<Response> answers = race(i -> given().contentType(ContentType.JSON)
                .body(Map.of("email", "racer" + i + "@example.com", "role", "REP"))
                .post("/api/v1/workspaces/{ws}/members", ws));

        assertExactlyTheRoomWasTaken(answers, 201, "member.limit-reached");
        given().get("/api/v1/workspaces/{ws}/members", ws).then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(Member.MAX_PER_WORKSPACE));
    }

    @Test
    void aWorkspaceHoldsAHundredUnrevokedKeysWhenCreationsRaceForTheLastPlacesAndListsNoRevokedOne() throws Exception {
        String revoked = insertKeys(3, true);
        insertKeys(ApiKey.MAX_UNREVOKED - ROOM, false);

        List<Response> answers = race(i -> given().contentType(ContentType.JSON)
                .body(Map.of("name", "Racer " + i, "scopes", List.of("deals:read")))
                .post("/api/v1/workspaces/{ws}/api-keys", ws));

        assertExactlyTheRoomWasTaken(answers, 201, "api-key.limit-reached");
        given().get("/api/v1/workspaces/{ws}/api-keys", ws).then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(ApiKey.MAX_UNREVOKED))
                .body("items.prefix", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(revoked)));
    }

    /** Keys written straight into api_key; returns the last one's prefix. */
    private String insertKeys(int count, boolean revoked) {
        String prefix = null;
        for (int i = 0; i < count; i++) {
            prefix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            sql.execute("""
                    insert into api_key (id, workspace_id, name, prefix, secret_hash, scopes, created_at, revoked_at)
                    values (gen_random_uuid(), ?::uuid, ?, ?, sha256(convert_to(?, 'UTF8')), '{DEALS_READ}', now(),
                            case when ? then now() end)""", ws, "Key " + prefix, prefix, prefix, revoked);
        }
        return prefix;
    }

    @Test
    void aMembersDayHoldsFiftyPlanItemsWhenAddsRaceForTheLastPlaces() throws Exception {
        String me = Api.myMemberId(ws);
        LocalDate day = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).plusDays(2);
        sql.execute("""
                insert into plan_item (id, workspace_id, member_id, plan_date, text, created_at)
                select gen_random_uuid(), ?::uuid, ?::uuid, ?, 'Call buyer ' || g, now() from generate_series(1, ?) g""",
                ws, me, day, PlanItem.MAX_PER_DAY - ROOM);

        List<Response> answers = race(i -> given().contentType(ContentType.JSON)
                .body(Map.of("date", day.toString(), "text", "Call racer " + i))
                .post("/api/v1/workspaces/{ws}/members/{m}/action-plan/items", ws, me));

        assertExactlyTheRoomWasTaken(answers, 201, "plan-item.limit-reached");
        given().get("/api/v1/workspaces/{ws}/members/{m}/action-plan?date=" + day, ws, me).then().statusCode(200)
                .body("planItems.size()", org.hamcrest.Matchers.equalTo(PlanItem.MAX_PER_DAY));
        given().contentType(ContentType.JSON).body(Map.of("date", day.plusDays(1).toString(), "text", "Call the next day"))
                .post("/api/v1/workspaces/{ws}/members/{m}/action-plan/items", ws, me).then().statusCode(201);
    }

    @Test
    void aLessonKeepsAHundredEarlierStatementsWhenRewordingsRaceForTheLastPlace() throws Exception {
        String deal = Api.createDeal(ws, "Lost to slow quotes");
        String lesson = given().contentType(ContentType.JSON)
                .body(Map.of("statement", "Send the revised quote the same day", "sourceDealIds", List.of(deal)))
                .post("/api/v1/workspaces/{ws}/lessons", ws).then().statusCode(201).extract().path("id");
        sql.execute("""
                insert into lesson_statement_change (id, workspace_id, lesson_id, statement, replaced_at)
                select gen_random_uuid(), ?::uuid, ?::uuid, 'Send the quote, take ' || g, now() from generate_series(1, ?) g""",
                ws, lesson, Lesson.MAX_EARLIER_STATEMENTS - 1);

        List<Response> answers = race(i -> given().contentType("application/merge-patch+json").header("If-Match", "*")
                .body(Map.of("statement", "Send the revised quote within " + (i + 2) + " hours"))
                .patch("/api/v1/workspaces/{ws}/lessons/{id}", ws, lesson));

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409, 409, 409, 409);
        assertThat(answers).filteredOn(a -> a.statusCode() == 409).extracting(a -> a.jsonPath().getString("code"))
                .containsOnly("lesson.history-limit-reached");
        given().get("/api/v1/workspaces/{ws}/lessons/{id}/history", ws, lesson).then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(Lesson.MAX_EARLIER_STATEMENTS));
        given().contentType("application/merge-patch+json").header("If-Match", "*").body(Map.of("rationale", "Still changeable"))
                .patch("/api/v1/workspaces/{ws}/lessons/{id}", ws, lesson).then().statusCode(200);
    }
}
