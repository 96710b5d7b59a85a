package dev.debrief.bootstrap.plan;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.domain.access.Role;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.debrief.bootstrap.plan.PlanFixture.ITEMS;
import static dev.debrief.bootstrap.plan.PlanFixture.PLAN;
import static dev.debrief.bootstrap.plan.PlanFixture.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The action plan end to end: what it holds for a day, the member's own plan items, and who may read and write it. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ActionPlanTest {

    @Inject
    Sql sql;

    @Inject
    MemberRepository members;

    PlanFixture f;
    String me;
    String[] rep;

    @BeforeEach
    void workspace() {
        f = new PlanFixture(Api.createWorkspace(), sql, members);
        me = Api.myMemberId(f.ws);
        rep = f.member(Role.REP);
    }

    @Test
    void showsOnlyTheMembersOpenFollowUpsDueThatDay() {
        LocalDate day = LocalDate.parse("2030-05-14");
        String deal = f.deal("Acme renewal", "Acme Corp", me, null);
        String other = f.deal("Globex pilot", "Globex", me, null);
        String due = f.followUp("CHECK_IN", "Check in with Acme Corp", me, day, deal, "OPEN");
        String onNoDeal = f.followUp("ACTION_ITEM", "Book the enablement session", me, day, null, "OPEN");
        f.followUp("ACTION_ITEM", "Send the pilot plan a day early", me, day.minusDays(1), other, "OPEN");
        f.followUp("ACTION_ITEM", "Send the pilot plan a day late", me, day.plusDays(1), other, "OPEN");
        f.followUp("ACTION_ITEM", "Send the pilot plan, done", me, day, other, "DONE");
        f.followUp("ACTION_ITEM", "Send the pilot plan, cancelled", me, day, other, "CANCELLED");
        f.followUp("ACTION_ITEM", "Someone else's do", rep[0], day, other, "OPEN");

        given().get(PLAN + "?date=2030-05-14", f.ws, me).then().statusCode(200)
                .body("date", equalTo("2030-05-14")).body("memberId", equalTo(me))
                .body("followUps.id", contains(due, onNoDeal))
                .body("followUps[0].kind", equalTo("CHECK_IN"))
                .body("followUps[0].text", equalTo("Check in with Acme Corp"))
                .body("followUps[0].dealId", equalTo(deal))
                .body("followUps[0].dealName", equalTo("Acme renewal"))
                .body("followUps[0].account", equalTo("Acme Corp"))
                .body("followUps[0].dueOn", equalTo("2030-05-14"))
                .body("followUps[1].kind", equalTo("ACTION_ITEM"))
                .body("followUps[1].dealId", nullValue())
                .body("followUps[1].account", nullValue());
    }

    @Test
    void givesEachOpenDealUpToFiveApplicableAdoptedLessonsMostEndorsedFirst() {
        String enterprise = Api.addVocabularyEntry(f.ws, "segments", "Enterprise");
        String smb = Api.addVocabularyEntry(f.ws, "segments", "SMB");
        String big = f.deal("Acme platform", "Acme Corp", me, enterprise);
        String small = f.deal("Corner shop", "Shop Ltd", me, smb);
        String won = f.deal("Won already", "Initech", me, null);
        f.closeAsWon(won);
        f.deal("A colleague's deal", "Umbrella", rep[0], enterprise);

        String e5 = f.adoptedLesson("Bring the CFO into discovery", null, big, List.of(enterprise), 50);
        String a4 = f.adoptedLesson("Send the revised quote the same day", null, big, List.of(), 40);
        String a3 = f.adoptedLesson("Confirm the next step at the end of each call", null, big, List.of(), 30);
        String e2 = f.adoptedLesson("Map the buying committee early", null, big, List.of(enterprise), 20);
        String tieOld = f.adoptedLesson("Lead with the customer's pain", null, big, List.of(), 10);
        String tieNew = f.adoptedLesson("Ask for the budget owner by name", null, big, List.of(), 10);
        f.adoptedLesson("Share a one-page summary after each meeting", null, big, List.of(), 5);
        f.adoptedLesson("Offer a monthly plan to small shops", null, small, List.of(smb), 100);
        f.proposedLesson("Call within an hour of the request", null, big, List.of());

        given().get(PLAN + "?date=2030-05-14", f.ws, me).then().statusCode(200)
                .body("dos", hasSize(10))
                .body("dos.findAll { it.dealId == '" + big + "' }.lessonId", contains(e5, a4, a3, e2, tieNew))
                .body("dos.findAll { it.dealId == '" + small + "' }.statement", contains(
                        "Offer a monthly plan to small shops", "Send the revised quote the same day",
                        "Confirm the next step at the end of each call", "Ask for the budget owner by name",
                        "Lead with the customer's pain"))
                .body("dos.findAll { it.dealId == '" + big + "' }.dealName", contains("Acme platform", "Acme platform",
                        "Acme platform", "Acme platform", "Acme platform"))
                .body("dos[0].account", equalTo("Acme Corp"))
                .body("dos.findAll { it.dealId == '" + won + "' }", empty())
                .body("dos.findAll { it.dealId == '" + big + "' }.lessonId", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem(tieOld)))
                .body("dos[0].keySet()", org.hamcrest.Matchers.containsInAnyOrder("dealId", "dealName", "account",
                        "lessonId", "statement"));
    }

    @Test
    void keepsTheMembersOwnPlanItemsAndChecksThemOff() {
        LocalDate day = f.today().plusDays(2);
        String first = given().contentType(ContentType.JSON).body(Map.of("date", day.toString(), "text", "Call the buyer at nine"))
                .post(ITEMS, f.ws, me).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/action-plan/items/"))
                .body("text", equalTo("Call the buyer at nine")).body("done", equalTo(false)).body("doneAt", nullValue())
                .body("date", equalTo(day.toString())).extract().path("id");
        String second = given().contentType(ContentType.JSON).body(Map.of("date", day.toString(), "text", "Send the quote"))
                .post(ITEMS, f.ws, me).then().statusCode(201).extract().path("id");

        given().contentType("application/merge-patch+json").body(Map.of("done", true))
                .patch(ITEMS + "/{id}", f.ws, me, first).then().statusCode(200)
                .body("done", equalTo(true)).body("doneAt", notNullValue()).body("text", equalTo("Call the buyer at nine"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Send the revised quote"))
                .patch(ITEMS + "/{id}", f.ws, me, second).then().statusCode(200).body("text", equalTo("Send the revised quote"));

        given().get(PLAN + "?date=" + day, f.ws, me).then().statusCode(200)
                .body("planItems.id", contains(first, second))
                .body("planItems.done", contains(true, false))
                .body("planItems[1].text", equalTo("Send the revised quote"))
                .body("planItems[0].createdAt", notNullValue());

        given().contentType("application/merge-patch+json").body(Map.of("done", false))
                .patch(ITEMS + "/{id}", f.ws, me, first).then().statusCode(200).body("done", equalTo(false)).body("doneAt", nullValue());
        given().delete(ITEMS + "/{id}", f.ws, me, first).then().statusCode(204);
        Api.problem(given().delete(ITEMS + "/{id}", f.ws, me, first).then(), 404, "plan-item.not-found");
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("done", true))
                .patch(ITEMS + "/{id}", f.ws, me, UUID.randomUUID()).then(), 404, "plan-item.not-found");
        given().get(PLAN + "?date=" + day, f.ws, me).then().body("planItems.id", contains(second));
        given().get(PLAN + "?date=" + day.plusDays(1), f.ws, me).then().body("planItems", empty());
        assertThat(sql.count("select count(*) from plan_item where workspace_id = ?::uuid", f.ws)).isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void aPlanItemPatchChangesOnlyWhatItNamesAndClearsNothing() {
        LocalDate day = f.today().plusDays(1);
        String id = given().contentType(ContentType.JSON).body(Map.of("date", day.toString(), "text", "Call the buyer at nine"))
                .post(ITEMS, f.ws, me).then().statusCode(201).extract().path("id");
        given().contentType("application/merge-patch+json").body(Map.of("done", true))
                .patch(ITEMS + "/{id}", f.ws, me, id).then().statusCode(200);

        given().contentType("application/merge-patch+json").body(Map.of("text", "Call the buyer at ten"))
                .patch(ITEMS + "/{id}", f.ws, me, id).then().statusCode(200)
                .body("text", equalTo("Call the buyer at ten")).body("done", equalTo(true)).body("date", equalTo(day.toString()));
        for (String field : List.of("text", "done")) {
            Map<String, Object> nulled = new java.util.HashMap<>();
            nulled.put(field, null);
            Api.problem(given().contentType("application/merge-patch+json").body(nulled)
                    .patch(ITEMS + "/{id}", f.ws, me, id).then(), 400, "body.not-clearable").body("errors[0].field", equalTo(field));
        }
        Api.problem(given().contentType("application/merge-patch+json").body(Map.of("text", "   "))
                .patch(ITEMS + "/{id}", f.ws, me, id).then(), 400, "validation.failed").body("errors[0].field", equalTo("text"));
        assertThat(sql.count("select count(*) from plan_item where id = ?::uuid and text = 'Call the buyer at ten' and done_at is not null",
                id)).isEqualTo(1);
    }

    @Test
    void showsAHundredFollowUpsDueThatDayAndSaysThereAreMore() {
        LocalDate day = LocalDate.parse("2030-05-14");
        List<String> due = new java.util.ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            due.add(f.followUp("ACTION_ITEM", "Call buyer " + i, me, day, null, "OPEN"));
        }

        given().get(PLAN + "?date=2030-05-14", f.ws, me).then().statusCode(200)
                .body("followUps", hasSize(100)).body("moreFollowUps", equalTo(true)).body("moreDos", equalTo(false));
        sql.execute("update follow_up set due_on = due_on + 1 where id = ?::uuid", due.get(100));
        given().get(PLAN + "?date=2030-05-14", f.ws, me).then().statusCode(200)
                .body("followUps", hasSize(100)).body("moreFollowUps", equalTo(false));
    }

    @Test
    @SendsInvalidInput
    void refusesAProhibitionAPastDayAndAMissingField() {
        LocalDate today = f.today();
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("date", today.toString(), "text", "Don't call after five"))
                .post(ITEMS, f.ws, me).then(), 422, "phrasing.prohibition").body("errors[0].field", equalTo("text"));
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("date", today.minusDays(1).toString(), "text", "Call the buyer"))
                .post(ITEMS, f.ws, me).then(), 422, "plan-item.date-in-past").body("errors[0].field", equalTo("date"));
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("text", "Call the buyer"))
                .post(ITEMS, f.ws, me).then(), 400, "validation.failed");
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("date", today.toString(), "text", "C".repeat(501)))
                .post(ITEMS, f.ws, me).then(), 400, "validation.failed");
        given().contentType(ContentType.JSON).body(Map.of("date", today.toString(), "text", "Call the buyer"))
                .post(ITEMS, f.ws, me).then().statusCode(201);
        String id = given().get(PLAN + "?date=" + today, f.ws, me).then().extract().path("planItems[0].id");
        Api.problem(given().contentType("application/merge-patch+json").body(Map.of("text", "Never call after five"))
                .patch(ITEMS + "/{id}", f.ws, me, id).then(), 422, "phrasing.prohibition");
        assertThat(sql.count("select count(*) from plan_item where workspace_id = ?::uuid and text = 'Call the buyer'", f.ws))
                .isEqualTo(1);
    }

    @Test
    void plansForTomorrowInTheWorkspacesTimeZoneByDefault() {
        String kiritimati = given().contentType(ContentType.JSON).body(Api.workspace("Plan " + UUID.randomUUID(),
                "Pacific/Kiritimati", "EUR")).post("/api/v1/workspaces").then().statusCode(201).extract().path("id");
        String member = Api.myMemberId(kiritimati);
        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Pacific/Kiritimati")).plusDays(1);
        given().get(PLAN, kiritimati, member).then().statusCode(200).body("date", equalTo(tomorrow.toString()));
        given().get(PLAN, f.ws, me).then().statusCode(200).body("date", equalTo(f.today().plusDays(1).toString()));
    }

    @Test
    @SendsInvalidInput
    void answersAnUnknownMemberWith404AndABadDateWith400() {
        Api.problem(given().get(PLAN, f.ws, UUID.randomUUID()).then(), 404, "member.not-found");
        Api.problem(given().get(PLAN, f.ws, "not-a-member").then(), 404, "member.not-found");
        Api.problem(given().get(PLAN + "?date=2030-13-01", f.ws, me).then(), 400, "query.invalid")
                .body("errors[0].field", equalTo("date"));
        Api.problem(given().get(PLAN + "?date=tomorrow", f.ws, me).then(), 400, "query.invalid");
    }

    @Test
    void aRepReadsOnlyTheirOwnPlanWhileManagersAndKeysReadAnyones() {
        String[] colleague = f.member(Role.REP);
        String[] manager = f.member(Role.MANAGER);
        as(rep[1]).get(PLAN, f.ws, rep[0]).then().statusCode(200).body("memberId", equalTo(rep[0]));
        Api.problem(as(rep[1]).get(PLAN, f.ws, colleague[0]).then(), 403, "access.forbidden");
        Api.problem(as(rep[1]).get(PLAN, f.ws, UUID.randomUUID()).then(), 403, "access.forbidden");
        as(manager[1]).get(PLAN, f.ws, rep[0]).then().statusCode(200);
        given().get(PLAN, f.ws, rep[0]).then().statusCode(200);
        as(Api.createApiKey(f.ws, "deals:read")).get(PLAN, f.ws, rep[0]).then().statusCode(200);
    }

    @Test
    void noOneWritesSomeoneElsesPlanItemsNotAnAdminNorAKey() {
        String day = f.today().plusDays(1).toString();
        String repsItem = as(rep[1]).contentType(ContentType.JSON).body(Map.of("date", day, "text", "Call the buyer"))
                .post(ITEMS, f.ws, rep[0]).then().statusCode(201).extract().path("id");
        String[] colleague = f.member(Role.REP);
        String key = Api.createApiKey(f.ws, "admin");

        Api.problem(given().contentType(ContentType.JSON).body(Map.of("date", day, "text", "Call the buyer"))
                .post(ITEMS, f.ws, rep[0]).then(), 403, "access.forbidden");
        Api.problem(as(colleague[1]).contentType(ContentType.JSON).body(Map.of("done", true))
                .patch(ITEMS + "/{id}", f.ws, rep[0], repsItem).then(), 403, "access.forbidden");
        Api.problem(given().delete(ITEMS + "/{id}", f.ws, rep[0], repsItem).then(), 403, "access.forbidden");
        Api.problem(as(key).contentType(ContentType.JSON).body(Map.of("date", day, "text", "Call the buyer"))
                .post(ITEMS, f.ws, rep[0]).then(), 403, "access.forbidden");
        Api.problem(as(key).delete(ITEMS + "/{id}", f.ws, rep[0], repsItem).then(), 403, "access.forbidden");

        assertThat(sql.count("select count(*) from plan_item where workspace_id = ?::uuid", f.ws)).isEqualTo(1);
        assertThat(sql.count("select count(*) from plan_item where id = ?::uuid and done_at is null", repsItem)).isEqualTo(1);
    }
}
