package dev.debrief.bootstrap.plan;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.debrief.bootstrap.plan.PlanFixture.BRIEF;
import static dev.debrief.bootstrap.plan.PlanFixture.ITEMS;
import static dev.debrief.bootstrap.plan.PlanFixture.PLAN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000: the plan and the brief are kept apart from the record of failures. Every failure field of
 * a dataset the plan and the brief read from carries a unique marker; no marker may appear anywhere in
 * their raw JSON. The dataset is linked on purpose: the lessons are adopted, apply to the open deals and
 * cite the lost ones; follow-ups sit on lost and open deals; a reopened deal keeps its old analysis in
 * its history. The positive controls prove the markers are stored and readable elsewhere, so the
 * assertion can fail (seen failing once by leaking the lesson rationale into the plan's dos).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PlanKeepsFailuresApartTest {

    static final String DEALS = "/api/v1/workspaces/{ws}/deals";

    @Inject
    Sql sql;

    @Inject
    MemberRepository members;

    private final String run = "MARKER-" + UUID.randomUUID();
    private final Map<String, String> markers = new LinkedHashMap<>();

    private String marker(String field) {
        return markers.computeIfAbsent(field, k -> run + "-" + k);
    }

    private Map<String, Object> lossAnalysis(String ws, String deal) {
        Map<String, Object> analysis = new HashMap<>();
        analysis.put("primaryReason", Map.of("reasonId", Api.reasonId(ws, "SLOW_RESPONSE"), "note", marker(deal + "-primaryReason.note")));
        analysis.put("contributingReasons", List.of(Map.of("reasonId", Api.reasonId(ws, "BAD_TIMING"),
                "note", marker(deal + "-contributingReasons.note"))));
        analysis.put("stageLostAtId", Api.vocabularyId(ws, "stages", "PROPOSAL"));
        analysis.put("fit", "GOOD_FIT");
        analysis.put("whatHappened", marker(deal + "-whatHappened"));
        analysis.put("whatWeWouldDoDifferently", marker(deal + "-whatWeWouldDoDifferently"));
        return analysis;
    }

    private void closeAsLost(String ws, String deal, String name) {
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("outcome", "LOST", "closedOn", LocalDate.now().minusDays(3).toString(),
                        "lossAnalysis", lossAnalysis(ws, name)))
                .post(DEALS + "/{d}/close", ws, deal).then().statusCode(200);
    }

    @Test
    void neitherThePlanNorTheBriefShowsAnyFailureRecord() {
        PlanFixture f = new PlanFixture(Api.createWorkspace(), sql, members);
        String ws = f.ws;
        String me = Api.myMemberId(ws);
        String enterprise = Api.addVocabularyEntry(ws, "segments", "Enterprise");
        LocalDate day = f.today().plusDays(1);

        // Lost deals, owned by the member: one closed by hand with a full analysis, one pushed by a partner
        // without a usable reason (its text kept verbatim), one lost and reopened (its analysis now history).
        String lost = f.deal("Acme renewal", "Acme Corp", me, enterprise);
        closeAsLost(ws, lost, "lost");
        String pushed = given().contentType(ContentType.JSON).body(Map.of(
                        "occurredAt", Instant.now().minusSeconds(3600).toString(), "name", "Globex rollout", "account", "Globex",
                        "ownerEmail", "ALICE@example.com", "outcome", "LOST", "closedOn", LocalDate.now().minusDays(3).toString(),
                        "lossAnalysis", Map.of("reasonText", marker("partner.reasonText"), "whatHappened", marker("partner.whatHappened"))))
                .put("/api/v1/workspaces/{ws}/deals-by-external-id/{source}/{id}", ws, "salesforce", "marker-" + UUID.randomUUID())
                .then().statusCode(201).extract().path("deal.id");
        String reopened = f.deal("Initech expansion", "Initech", me, enterprise);
        closeAsLost(ws, reopened, "reopened");
        given().header("If-Match", "\"1\"").post(DEALS + "/{d}/reopen", ws, reopened).then().statusCode(200);
        String open = f.deal("Umbrella platform", "Umbrella", me, enterprise);

        // A debrief of the lost deal whose lesson is then adopted; lessons with rationales cite the lost deals.
        Map<String, Object> debriefLesson = new HashMap<>();
        debriefLesson.put("statement", "Send the revised quote the same day");
        debriefLesson.put("rationale", marker("debrief.lesson.rationale"));
        debriefLesson.put("otherDealIds", List.of(pushed));
        String debrief = given().contentType(ContentType.JSON).body(Map.of(
                        "lessonLearned", marker("debrief.lessonLearned"), "howItServesNext", marker("debrief.howItServesNext"),
                        "notes", marker("debrief.notes"), "participantIds", List.of(me), "lessons", List.of(debriefLesson)))
                .post(DEALS + "/{d}/debriefs", ws, lost).then().statusCode(201).extract().path("id");
        String fromDebrief = given().get(DEALS + "/{d}/debriefs/{id}", ws, lost, debrief).then().extract().path("lessonIds[0]");
        given().header("If-Match", "\"0\"").post("/api/v1/workspaces/{ws}/lessons/{id}/adopt", ws, fromDebrief)
                .then().statusCode(200);
        List<String> lessons = new ArrayList<>(List.of(fromDebrief));
        lessons.add(f.adoptedLesson("Bring the CFO into discovery", marker("lesson.enterprise.rationale"), lost,
                List.of(enterprise), 4));
        lessons.add(f.adoptedLesson("Confirm the next step at the end of each call", marker("lesson.everywhere.rationale"),
                pushed, List.of(), 2));

        // Follow-ups due that day on the lost, pushed, reopened and open deals; their own texts are dos.
        List<String> followUps = new ArrayList<>();
        for (String deal : List.of(lost, pushed, reopened, open)) {
            String id = f.followUp("ACTION_ITEM", "Call the buyer about the next step", me, day, deal, "OPEN");
            sql.execute("update follow_up set outcome_note = ? where id = ?::uuid", marker("followUp.outcomeNote-" + deal), id);
            followUps.add(id);
        }
        given().contentType(ContentType.JSON).body(Map.of("date", day.toString(), "text", "Read the ROI case once more"))
                .post(ITEMS, ws, me).then().statusCode(201);

        // Positive controls: the markers are stored and readable where failure records are read.
        String records = given().get(DEALS + "/{d}/loss-analysis", ws, lost).asString()
                + given().get(DEALS + "/{d}", ws, pushed).asString()
                + given().get(DEALS + "/{d}/outcome-history", ws, reopened).asString()
                + given().get(DEALS + "/{d}/debriefs/{id}", ws, lost, debrief).asString()
                + lessons.stream().map(l -> given().get("/api/v1/workspaces/{ws}/lessons/{id}", ws, l).asString()).toList()
                + sql.rows("select outcome_note from follow_up where workspace_id = ?::uuid", ws);
        assertThat(markers.values()).allSatisfy(m -> assertThat(records).contains(m));

        // The plan and the brief read all of it, and show none of the failure records.
        String plan = given().get(PLAN + "?date=" + day, ws, me).then().statusCode(200)
                .body("followUps.id", org.hamcrest.Matchers.containsInAnyOrder(followUps.toArray()))
                .body("dos.dealId", org.hamcrest.Matchers.hasItems(open, reopened))
                .body("dos.lessonId", org.hamcrest.Matchers.hasItems(lessons.toArray()))
                .body("planItems", org.hamcrest.Matchers.hasSize(1))
                .extract().asString();
        String defaultPlan = given().get(PLAN, ws, me).then().statusCode(200).extract().asString();
        String brief = given().get(BRIEF, ws, open).then().statusCode(200)
                .body("dos.lessonId", org.hamcrest.Matchers.containsInAnyOrder(lessons.toArray()))
                .body("nextFollowUp.id", org.hamcrest.Matchers.notNullValue())
                .extract().asString();
        String reopenedBrief = given().get(BRIEF, ws, reopened).then().statusCode(200)
                .body("dos.lessonId", org.hamcrest.Matchers.containsInAnyOrder(lessons.toArray()))
                .extract().asString();

        for (Map.Entry<String, String> response : Map.of("plan", plan, "default-date plan", defaultPlan,
                "brief", brief, "brief of the reopened deal", reopenedBrief).entrySet()) {
            assertThat(response.getValue()).as("the %s shows no failure record", response.getKey()).doesNotContain(run);
        }
    }
}
