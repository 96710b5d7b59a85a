package dev.debrief.bootstrap.plan;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.domain.access.Role;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.debrief.bootstrap.plan.PlanFixture.BRIEF;
import static dev.debrief.bootstrap.plan.PlanFixture.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The brief before a call: the dos that apply to an open deal and its next open follow-up. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BriefTest {

    @Inject
    Sql sql;

    @Inject
    MemberRepository members;

    PlanFixture f;
    String me;

    @BeforeEach
    void workspace() {
        f = new PlanFixture(Api.createWorkspace(), sql, members);
        me = Api.myMemberId(f.ws);
    }

    @Test
    void listsTheApplicableAdoptedLessonsMostEndorsedFirstAndTheNextOpenFollowUp() {
        String enterprise = Api.addVocabularyEntry(f.ws, "segments", "Enterprise");
        String smb = Api.addVocabularyEntry(f.ws, "segments", "SMB");
        String deal = f.deal("Acme platform", "Acme Corp", me, enterprise);
        String quote = f.adoptedLesson("Send the revised quote the same day", null, deal, List.of(), 3);
        String cfo = f.adoptedLesson("Bring the CFO into discovery", null, deal, List.of(enterprise), 7);
        f.adoptedLesson("Offer a monthly plan to small shops", null, deal, List.of(smb), 99);
        f.proposedLesson("Call within an hour of the request", null, deal, List.of());

        LocalDate soon = LocalDate.parse("2030-05-14");
        f.followUp("ACTION_ITEM", "Send the ROI case, done", me, soon.minusDays(5), deal, "DONE");
        f.followUp("ACTION_ITEM", "Book the demo", me, soon.plusDays(3), deal, "OPEN");
        String next = f.followUp("ACTION_ITEM", "Send the ROI case to the CFO", me, soon, deal, "OPEN");
        f.followUp("ACTION_ITEM", "Another deal's do", me, soon.minusDays(1), f.deal("Other", null, me, null), "OPEN");

        given().get(BRIEF, f.ws, deal).then().statusCode(200)
                .body("dealId", equalTo(deal)).body("dealName", equalTo("Acme platform")).body("account", equalTo("Acme Corp"))
                .body("dos.lessonId", contains(cfo, quote))
                .body("dos[0].statement", equalTo("Bring the CFO into discovery"))
                .body("dos[0].keySet()", containsInAnyOrder("lessonId", "statement"))
                .body("nextFollowUp.id", equalTo(next))
                .body("nextFollowUp.kind", equalTo("ACTION_ITEM"))
                .body("nextFollowUp.text", equalTo("Send the ROI case to the CFO"))
                .body("nextFollowUp.dueOn", equalTo("2030-05-14"))
                .body("nextFollowUp.assigneeId", equalTo(me));
    }

    @Test
    void aDealWithoutLessonsOrFollowUpsHasAnEmptyBrief() {
        String deal = f.deal("Fresh lead", null, null, null);
        given().get(BRIEF, f.ws, deal).then().statusCode(200)
                .body("dos", empty()).body("nextFollowUp", nullValue()).body("account", nullValue());
    }

    @Test
    void capsTheDosAtTwenty() {
        String deal = f.deal("Acme platform", "Acme Corp", me, null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ids.add(f.adoptedLesson("Call the buyer, step " + i, null, deal, List.of(), i));
        }
        given().get(BRIEF, f.ws, deal).then().statusCode(200).body("dos", hasSize(20))
                .body("dos[0].lessonId", equalTo(ids.get(20))).body("dos[19].lessonId", equalTo(ids.get(1)));
    }

    @Test
    void aClosedDealHasNoBriefAndAnUnknownOneIsNotFound() {
        String deal = f.deal("Won already", "Initech", me, null);
        f.closeAsWon(deal);
        Api.problem(given().get(BRIEF, f.ws, deal).then(), 409, "brief.deal-not-open");
        Api.problem(given().get(BRIEF, f.ws, UUID.randomUUID()).then(), 404, "deal.not-found");
        Api.problem(given().get(BRIEF, Api.createWorkspace(), deal).then(), 404, "deal.not-found");
    }

    @Test
    void anyoneWhoReadsTheWorkspaceReadsABrief() {
        String deal = f.deal("Acme platform", "Acme Corp", me, null);
        String[] rep = f.member(Role.REP);
        as(rep[1]).get(BRIEF, f.ws, deal).then().statusCode(200);
        as(Api.createApiKey(f.ws, "deals:read")).get(BRIEF, f.ws, deal).then().statusCode(200);
        Api.problem(as(Api.createApiKey(f.ws, "insights:read")).get(BRIEF, f.ws, deal).then(), 403, "access.forbidden");
    }
}
