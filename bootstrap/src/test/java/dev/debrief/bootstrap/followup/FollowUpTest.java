package dev.debrief.bootstrap.followup;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.bootstrap.support.Tokens;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Check-ins on lost deals, action items, their views and rights, and win-backs, end to end on PostgreSQL. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FollowUpTest {

    static final String FOLLOW_UPS = "/api/v1/workspaces/{ws}/follow-ups";
    static final String DEALS = "/api/v1/workspaces/{ws}/deals";

    @Inject
    Sql sql;

    @Inject
    MemberRepository members;

    String ws;
    String me;
    LocalDate today;

    @BeforeEach
    void workspace() {
        ws = Api.createWorkspace();
        me = Api.myMemberId(ws);
        today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    }

    // --- helpers ------------------------------------------------------------------------------

    String deal(String name, LocalDate pitchedAt, Integer termMonths) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("account", name.split(" ")[0]);
        body.put("ownerId", me);
        if (pitchedAt != null) {
            body.put("pitchedAt", pitchedAt.toString());
        }
        if (termMonths != null) {
            body.put("pitchedTermMonths", termMonths);
        }
        return Api.createDeal(ws, body).statusCode(201).extract().path("id");
    }

    Map<String, Object> analysis(String fit) {
        Map<String, Object> analysis = new HashMap<>(Api.lossAnalysis(ws));
        analysis.put("fit", fit);
        return analysis;
    }

    ValidatableResponse close(String deal, String outcome, LocalDate closedOn, String fit, long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        body.put("closedOn", closedOn.toString());
        if (fit != null) {
            body.put("lossAnalysis", analysis(fit));
        }
        return given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(body)
                .post(DEALS + "/{d}/close", ws, deal).then();
    }

    long version(String path, Object... params) {
        return Long.parseLong(given().get(path, params).then().statusCode(200).extract().header("ETag").replace("\"", ""));
    }

    List<Map<String, Object>> followUpsOf(String deal) {
        return given().queryParam("dealId", deal).get(FOLLOW_UPS, ws).then().statusCode(200).extract().path("items");
    }

    long openCheckIns(String deal) {
        return sql.count("select count(*) from follow_up where deal_id = ?::uuid and kind = 'CHECK_IN' and status = 'OPEN'",
                deal);
    }

    ValidatableResponse createItem(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(FOLLOW_UPS, ws).then();
    }

    Map<String, Object> item(String text, LocalDate dueOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("dueOn", dueOn.toString());
        return body;
    }

    ValidatableResponse complete(String id, long version, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(body)
                .post(FOLLOW_UPS + "/{id}/complete", ws, id).then();
    }

    /** A member of the workspace with a role, and a token that speaks for them. */
    String[] member(Role role) {
        String name = "fu-" + role.name().toLowerCase() + "-" + UUID.randomUUID();
        Principal.Person person = new Principal.Person(Tokens.ISSUER, "sub-" + name, name + "@example.com", true, name);
        Member member = QuarkusTransaction.requiringNew().call(() -> members.save(Member.join(
                new WorkspaceId(UUID.fromString(ws)), person, role, Instant.now())));
        return new String[] {member.id().value().toString(), Tokens.person(name)};
    }

    // --- automatic check-ins ------------------------------------------------------------------

    @Test
    void aLostGoodFitDealGetsOneCheckInForItsOwnerNineMonthsAfterTheOneYearPitch() {
        LocalDate pitched = today.minusMonths(5);
        String deal = deal("Globex renewal", pitched, 12);

        close(deal, "LOST", today.minusDays(1), "GOOD_FIT", 0).statusCode(200);

        List<Map<String, Object>> found = followUpsOf(deal);
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).containsEntry("kind", "CHECK_IN").containsEntry("assigneeId", me)
                .containsEntry("dueOn", pitched.plusMonths(9).toString()).containsEntry("status", "OPEN")
                .containsEntry("dueState", "UPCOMING").containsEntry("overdue", false)
                .containsEntry("text", "Check in with Globex and ask what has changed since the pitch");
        assertThat(((Map<?, ?>) found.get(0).get("createdBy")).get("kind")).isEqualTo("SYSTEM");
    }

    @Test
    void usesTheWorkspacesRatioAndAssumedTerm() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Acme", "timeZone", "Europe/Berlin",
                        "defaultCurrency", "EUR", "checkInRatio", 0.5, "checkInAssumedTermMonths", 24))
                .put("/api/v1/workspaces/{ws}", ws).then().statusCode(200)
                .body("checkInRatio", equalTo(0.5f)).body("checkInAssumedTermMonths", equalTo(24));
        LocalDate pitched = today.minusMonths(2);
        String pitchedYear = deal("Initech pilot", pitched, 12);
        String noTerm = deal("Umbrella rollout", pitched, null);

        close(pitchedYear, "LOST", today, "GOOD_FIT", 0).statusCode(200);
        close(noTerm, "LOST", today, "GOOD_FIT", 0).statusCode(200);

        assertThat(followUpsOf(pitchedYear).get(0)).containsEntry("dueOn", pitched.plusMonths(6).toString());
        assertThat(followUpsOf(noTerm).get(0)).containsEntry("dueOn", pitched.plusMonths(12).toString());
    }

    @Test
    @SendsInvalidInput
    void rejectsCheckInSettingsOutOfRangeAndKeepsThemWhenAbsent() {
        for (Object ratio : List.of(0, 2.5, -1, 0.1234)) {
            Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "Acme", "timeZone", "Europe/Berlin",
                    "defaultCurrency", "EUR", "checkInRatio", ratio)).put("/api/v1/workspaces/{ws}", ws).then(),
                    400, "validation.failed").body("errors[0].field", equalTo("checkInRatio"));
        }
        Api.problem(given().contentType(ContentType.JSON).body(Map.of("name", "Acme", "timeZone", "Europe/Berlin",
                "defaultCurrency", "EUR", "checkInAssumedTermMonths", 121)).put("/api/v1/workspaces/{ws}", ws).then(),
                400, "validation.failed").body("errors[0].field", equalTo("checkInAssumedTermMonths"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Renamed", "timeZone", "Europe/Berlin", "defaultCurrency", "EUR"))
                .put("/api/v1/workspaces/{ws}", ws).then().statusCode(200)
                .body("checkInRatio", equalTo(0.75f)).body("checkInAssumedTermMonths", equalTo(12));
    }

    @Test
    void aWrongProspectOrAWonDealGetsNoCheckIn() {
        String wrong = deal("Hooli tooling", today.minusMonths(3), 12);
        String won = deal("Pied renewal", today.minusMonths(3), 12);

        close(wrong, "LOST", today, "WRONG_PROSPECT", 0).statusCode(200);
        close(won, "WON", today, null, 0).statusCode(200);

        assertThat(followUpsOf(wrong)).isEmpty();
        assertThat(followUpsOf(won)).isEmpty();
    }

    @Test
    void reopeningCancelsTheOpenCheckInAndClosingAgainSchedulesANewOne() {
        String deal = deal("Globex renewal", today.minusMonths(4), 12);
        close(deal, "LOST", today, "GOOD_FIT", 0).statusCode(200);
        String first = (String) followUpsOf(deal).get(0).get("id");

        given().header("If-Match", "\"1\"").post(DEALS + "/{d}/reopen", ws, deal).then().statusCode(200);

        given().get(FOLLOW_UPS + "/{id}", ws, first).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("dueState", nullValue()).body("resolvedBy.kind", equalTo("MEMBER"))
                .body("outcomeNote", equalTo("Cancelled: the deal is no longer a lost good-fit deal (reopened, or its fit amended)"));
        assertThat(openCheckIns(deal)).isZero();

        close(deal, "LOST", today, "GOOD_FIT", 2).statusCode(200);
        assertThat(openCheckIns(deal)).isOne();
        assertThat(followUpsOf(deal)).hasSize(2);
    }

    @Test
    void amendingTheAnalysisMakesNoSecondCheckInAndFollowsTheFit() {
        String deal = deal("Globex renewal", today.minusMonths(4), 12);
        close(deal, "LOST", today, "GOOD_FIT", 0).statusCode(200);

        amend(deal, 1, "GOOD_FIT").statusCode(200);
        assertThat(openCheckIns(deal)).isOne();
        amend(deal, 2, "WRONG_PROSPECT").statusCode(200);
        assertThat(openCheckIns(deal)).isZero();
        amend(deal, 3, "GOOD_FIT").statusCode(200);
        assertThat(openCheckIns(deal)).isOne();
        assertThat(followUpsOf(deal)).hasSize(2);
    }

    ValidatableResponse amend(String deal, long version, String fit) {
        return given().contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(analysis(fit))
                .put(DEALS + "/{d}/loss-analysis", ws, deal).then();
    }

    @Test
    void concurrentClosesOfOneDealLeaveExactlyOneOpenCheckIn() throws Exception {
        String deal = deal("Globex renewal", today.minusMonths(4), 12);
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return close(deal, "LOST", today, "GOOD_FIT", 0).extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 412 || s == 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(openCheckIns(deal)).isOne();
    }

    @Test
    void thePartialUniqueIndexRefusesASecondOpenCheckInEvenWithoutTheDealLock() throws Exception {
        String deal = deal("Globex renewal", today.minusMonths(4), 12);
        String insert = "insert into follow_up (id, workspace_id, kind, text, due_on, deal_id, status, created_at,"
                + " updated_at, version) values (gen_random_uuid(), ?::uuid, 'CHECK_IN', 'Check in', ?, ?::uuid, 'OPEN',"
                + " now(), now(), 0) on conflict (deal_id) where kind = 'CHECK_IN' and status = 'OPEN' do nothing";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> inserted = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Callable<Integer> one = () -> {
                    start.await();
                    return sql.execute(insert, ws, today.plusDays(30), deal);
                };
                inserted.add(pool.submit(one));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : inserted) {
                total += f.get();
            }
            assertThat(total).isOne();
        } finally {
            pool.shutdownNow();
        }
        assertThat(openCheckIns(deal)).isOne();
        assertThat(catchUniqueViolation(() -> sql.execute("insert into follow_up (id, workspace_id, kind, text, due_on,"
                + " deal_id, status, created_at, updated_at, version) values (gen_random_uuid(), ?::uuid, 'CHECK_IN', 'x', ?,"
                + " ?::uuid, 'OPEN', now(), now(), 0)", ws, today, deal))).contains("follow_up_one_open_check_in_uq");
    }

    private static String catchUniqueViolation(Runnable insert) {
        try {
            insert.run();
            return "no violation";
        } catch (RuntimeException e) {
            Throwable t = e;
            StringBuilder messages = new StringBuilder();
            while (t != null) {
                messages.append(t.getMessage()).append('\n');
                t = t.getCause();
            }
            return messages.toString();
        }
    }

    @Test
    void aReplayedOrRepeatedPushMakesNoSecondCheckInAndAHistoricLossNone() {
        Map<String, Object> lost = new HashMap<>();
        lost.put("occurredAt", "2026-01-10T10:00:00Z");
        lost.put("name", "Soylent renewal");
        lost.put("account", "Soylent");
        lost.put("ownerEmail", "alice@example.com");
        lost.put("outcome", "LOST");
        lost.put("closedOn", today.minusDays(2).toString());
        lost.put("pitchedAt", today.minusMonths(3).toString());
        lost.put("pitchedTermMonths", 12);
        lost.put("lossAnalysis", Map.of("reasonCodes", List.of("SLOW_RESPONSE"), "stageLostAt", "Proposal", "fit", "GOOD_FIT"));
        String upsert = "/api/v1/workspaces/{ws}/deals-by-external-id/{source}/{id}";
        String deal = given().contentType(ContentType.JSON).body(lost).put(upsert, ws, "salesforce", "fu-1").then()
                .statusCode(201).extract().path("deal.id");
        given().contentType(ContentType.JSON).body(lost).put(upsert, ws, "salesforce", "fu-1").then().statusCode(200)
                .body("result", equalTo("unchanged"));
        lost.put("occurredAt", "2026-01-11T10:00:00Z");
        lost.put("name", "Soylent renewal (renamed)");
        given().contentType(ContentType.JSON).body(lost).put(upsert, ws, "salesforce", "fu-1").then().statusCode(200)
                .body("result", equalTo("updated"));

        assertThat(followUpsOf(deal)).hasSize(1);
        assertThat(followUpsOf(deal).get(0)).containsEntry("assigneeId", me)
                .containsEntry("dueOn", today.minusMonths(3).plusMonths(9).toString());

        Map<String, Object> historic = new HashMap<>(lost);
        historic.put("closedOn", "2023-05-02");
        historic.put("pitchedAt", "2023-01-10");
        String old = given().contentType(ContentType.JSON).body(historic).put(upsert, ws, "salesforce", "fu-2").then()
                .statusCode(201).extract().path("deal.id");
        assertThat(followUpsOf(old)).isEmpty();

        Map<String, Object> reopened = new HashMap<>(lost);
        reopened.put("occurredAt", "2026-01-12T10:00:00Z");
        reopened.put("outcome", "OPEN");
        reopened.remove("closedOn");
        reopened.remove("lossAnalysis");
        given().contentType(ContentType.JSON).body(reopened).put(upsert, ws, "salesforce", "fu-1").then().statusCode(200);
        assertThat(openCheckIns(deal)).isZero();
    }

    // --- action items -------------------------------------------------------------------------

    @Test
    void writesAnActionItemAndCompletesIt() {
        String deal = deal("Globex renewal", null, null);
        Map<String, Object> body = item("Send Globex the revised security answers", today.plusDays(2));
        body.put("dealId", deal);
        String id = createItem(body).statusCode(201).header("ETag", "\"0\"")
                .body("kind", equalTo("ACTION_ITEM")).body("assigneeId", equalTo(me)).body("dealId", equalTo(deal))
                .body("dueState", equalTo("UPCOMING")).body("createdBy.kind", equalTo("MEMBER"))
                .body("createdBy.id", equalTo(me)).extract().path("id");

        Api.problem(complete(id, 0, Map.of("outcome", "REOPENED")), 422, "follow-up.outcome-only-for-check-ins")
                .body("errors[0].field", equalTo("outcome"));
        complete(id, 0, Map.of("note", "Sent with the DPA")).statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("DONE")).body("outcomeNote", equalTo("Sent with the DPA"))
                .body("resolvedBy.id", equalTo(me)).body("dueState", nullValue());
        Api.problem(complete(id, 1, Map.of()), 409, "follow-up.not-open");
        Api.problem(given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of())
                .post(FOLLOW_UPS + "/{id}/cancel", ws, id).then(), 409, "follow-up.not-open");
    }

    @Test
    @SendsInvalidInput
    void refusesABadActionItemAndKeepsNothing() {
        long before = sql.count("select count(*) from follow_up where workspace_id = ?::uuid", ws);
        Api.problem(createItem(item("Don't send the quote late", today)), 422, "phrasing.prohibition")
                .body("errors[0].field", equalTo("text"));
        Api.problem(createItem(item("Send the quote", today.minusDays(1))), 422, "follow-up.due-in-past")
                .body("errors[0].field", equalTo("dueOn"));
        Map<String, Object> stranger = item("Send the quote", today);
        stranger.put("assigneeId", UUID.randomUUID().toString());
        Api.problem(createItem(stranger), 422, "reference.not-found").body("errors[0].field", equalTo("assigneeId"));
        Map<String, Object> noDeal = item("Send the quote", today);
        noDeal.put("dealId", UUID.randomUUID().toString());
        Api.problem(createItem(noDeal), 422, "reference.not-found").body("errors[0].field", equalTo("dealId"));
        Map<String, Object> noLesson = item("Send the quote", today);
        noLesson.put("lessonId", UUID.randomUUID().toString());
        Api.problem(createItem(noLesson), 422, "reference.not-found").body("errors[0].field", equalTo("lessonId"));
        Api.problem(createItem(Map.of("text", "Send the quote")), 400, "validation.failed")
                .body("errors[0].field", equalTo("dueOn"));
        assertThat(sql.count("select count(*) from follow_up where workspace_id = ?::uuid", ws)).isEqualTo(before);
    }

    @Test
    void changesAnOpenFollowUpWithAMergePatch() {
        String id = createItem(item("Send the quote", today.plusDays(1))).statusCode(201).extract().path("id");
        String[] manager = member(Role.MANAGER);

        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("dueOn", today.plusDays(9).toString(), "assigneeId", manager[0]))
                .patch(FOLLOW_UPS + "/{id}", ws, id).then().statusCode(200).header("ETag", "\"1\"")
                .body("dueOn", equalTo(today.plusDays(9).toString())).body("assigneeId", equalTo(manager[0]))
                .body("text", equalTo("Send the quote"));
        Api.problem(given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("text", "Call them")).patch(FOLLOW_UPS + "/{id}", ws, id).then(), 412, "precondition.failed");
        Api.problem(given().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body(Map.of("text", "Never call late")).patch(FOLLOW_UPS + "/{id}", ws, id).then(), 422, "phrasing.prohibition");
        Api.problem(given().contentType("application/merge-patch+json")
                .body(Map.of("text", "Call them")).patch(FOLLOW_UPS + "/{id}", ws, id).then(), 428, "precondition.required");
    }

    @Test
    @SendsInvalidInput
    void aMergePatchChangesOnlyWhatItNamesAndClearsNothing() {
        String deal = deal("Globex pilot", null, null);
        Map<String, Object> body = item("Send the quote", today.plusDays(1));
        body.put("dealId", deal);
        String id = createItem(body).statusCode(201).extract().path("id");

        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(Map.of("text", "Send the revised quote"))
                .patch(FOLLOW_UPS + "/{id}", ws, id).then().statusCode(200).header("ETag", "\"1\"")
                .body("text", equalTo("Send the revised quote")).body("dueOn", equalTo(today.plusDays(1).toString()))
                .body("assigneeId", equalTo(me)).body("dealId", equalTo(deal)).body("status", equalTo("OPEN"));
        for (String field : List.of("text", "assigneeId", "dueOn")) {
            Map<String, Object> nulled = new HashMap<>();
            nulled.put(field, null);
            Api.problem(given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body(nulled)
                    .patch(FOLLOW_UPS + "/{id}", ws, id).then(), 400, "body.not-clearable").body("errors[0].field", equalTo(field));
        }
        given().get(FOLLOW_UPS + "/{id}", ws, id).then().statusCode(200).header("ETag", "\"1\"").body("assigneeId", equalTo(me));
    }

    @Test
    void aRepHandlesOnlyTheirOwnFollowUpsAndAssignsOnlyThemselves() {
        String[] rep = member(Role.REP);
        String[] other = member(Role.REP);
        String mine = given().header("Authorization", "Bearer " + rep[1]).contentType(ContentType.JSON)
                .body(item("Call the champion", today)).post(FOLLOW_UPS, ws).then().statusCode(201)
                .body("assigneeId", equalTo(rep[0])).extract().path("id");
        Map<String, Object> forOther = item("Call the champion", today);
        forOther.put("assigneeId", other[0]);
        Api.problem(given().header("Authorization", "Bearer " + rep[1]).contentType(ContentType.JSON).body(forOther)
                .post(FOLLOW_UPS, ws).then(), 403, "access.forbidden");
        String theirs = createItem(forOther).statusCode(201).extract().path("id");

        Api.problem(given().header("Authorization", "Bearer " + rep[1]).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(Map.of()).post(FOLLOW_UPS + "/{id}/complete", ws, theirs).then(),
                403, "access.forbidden");
        given().header("Authorization", "Bearer " + rep[1]).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of()).post(FOLLOW_UPS + "/{id}/complete", ws, mine).then().statusCode(200);
        String[] manager = member(Role.MANAGER);
        given().header("Authorization", "Bearer " + manager[1]).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("note", "Done by the manager")).post(FOLLOW_UPS + "/{id}/cancel", ws, theirs).then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("resolvedBy.id", equalTo(manager[0]));
    }

    // --- views --------------------------------------------------------------------------------

    @Test
    @SendsInvalidInput
    void showsMineByDueStateATeamsAndADealsInDueOrderOnKeysetPages() {
        String overdue = createItem(item("Send the overdue quote", today)).statusCode(201).extract().path("id");
        sql.execute("update follow_up set due_on = ? where id = ?::uuid", today.minusDays(2), overdue);
        String dueToday = createItem(item("Call the champion", today)).statusCode(201).extract().path("id");
        String later = createItem(item("Book the steering meeting", today.plusDays(5))).statusCode(201).extract().path("id");
        String later2 = createItem(item("Send the pilot plan", today.plusDays(6))).statusCode(201).extract().path("id");
        String team = Api.addVocabularyEntry(ws, "teams", "EMEA North");
        String[] rep = member(Role.REP);
        sql.execute("update member set team_id = ?::uuid where id = ?::uuid", team, rep[0]);
        Map<String, Object> repItem = item("Call the buyer back", today.plusDays(1));
        repItem.put("assigneeId", rep[0]);
        String repsOwn = createItem(repItem).statusCode(201).extract().path("id");

        given().queryParam("assigneeId", "me").queryParam("due", "OVERDUE").get(FOLLOW_UPS, ws).then().statusCode(200)
                .body("items.id", contains(overdue)).body("items[0].overdue", equalTo(true))
                .body("items[0].dueState", equalTo("OVERDUE"));
        given().queryParam("assigneeId", "me").queryParam("due", "TODAY").get(FOLLOW_UPS, ws).then().statusCode(200)
                .body("items.id", contains(dueToday));
        given().queryParam("assigneeId", "me").queryParam("due", "UPCOMING").get(FOLLOW_UPS, ws).then().statusCode(200)
                .body("items.id", contains(later, later2));
        given().queryParam("teamId", team).get(FOLLOW_UPS, ws).then().statusCode(200).body("items.id", contains(repsOwn));
        given().header("Authorization", "Bearer " + rep[1]).queryParam("assigneeId", "me").get(FOLLOW_UPS, ws).then()
                .statusCode(200).body("items.id", contains(repsOwn));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("assigneeId", me).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get(FOLLOW_UPS, ws).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly(overdue, dueToday, later, later2);
        assertThat(pages).isEqualTo(2);

        String first = given().queryParam("assigneeId", me).queryParam("limit", 1).get(FOLLOW_UPS, ws).then()
                .extract().path("nextCursor");
        Api.problem(given().queryParam("assigneeId", me).queryParam("status", "DONE").queryParam("cursor", first)
                .get(FOLLOW_UPS, ws).then(), 400, "cursor.mismatch");
        Api.problem(given().queryParam("due", "SOON").get(FOLLOW_UPS, ws).then(), 400, "query.invalid")
                .body("errors[0].field", equalTo("due"));
        Api.problem(given().header("Authorization", "Bearer " + Api.createApiKey(ws, "deals:read"))
                .queryParam("assigneeId", "me").get(FOLLOW_UPS, ws).then(), 400, "query.invalid");
        Api.problem(given().get(FOLLOW_UPS + "/{id}", ws, UUID.randomUUID()).then(), 404, "follow-up.not-found");
    }

    // --- debriefs -----------------------------------------------------------------------------

    @Test
    void aDebriefCreatesItsActionItemsInItsOwnTransaction() {
        String deal = deal("Globex renewal", today.minusMonths(4), 12);
        close(deal, "LOST", today, "WRONG_PROSPECT", 0).statusCode(200);
        Map<String, Object> debrief = new HashMap<>();
        debrief.put("lessonLearned", "We let the quote sit for three days");
        debrief.put("howItServesNext", "I send revised quotes the same day");
        debrief.put("participantIds", List.of(me));
        debrief.put("lessons", List.of(Map.of("statement", "Send the revised quote the same day")));
        debrief.put("actionItems", List.of(Map.of("text", "Write the same-day quote template", "dueOn", today.plusDays(7).toString()),
                Map.of("text", "Never wait on legal", "dueOn", today.plusDays(7).toString())));
        String debriefs = DEALS + "/{d}/debriefs";

        Api.problem(given().contentType(ContentType.JSON).body(debrief).post(debriefs, ws, deal).then(), 422,
                "phrasing.prohibition").body("errors[0].field", equalTo("actionItems[1].text"));
        assertThat(sql.count("select count(*) from debrief where deal_id = ?::uuid", deal)).isZero();
        assertThat(sql.count("select count(*) from lesson where workspace_id = ?::uuid", ws)).isZero();
        assertThat(followUpsOf(deal)).isEmpty();

        debrief.put("actionItems", List.of(Map.of("text", "Write the same-day quote template", "dueOn", today.plusDays(7).toString())));
        String id = given().contentType(ContentType.JSON).body(debrief).post(debriefs, ws, deal).then().statusCode(201)
                .body("actionItemIds", hasSize(1)).extract().path("id");
        List<Map<String, Object>> items = followUpsOf(deal);
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).containsEntry("kind", "ACTION_ITEM").containsEntry("debriefId", id)
                .containsEntry("assigneeId", me).containsEntry("text", "Write the same-day quote template");
        given().get(debriefs + "/{id}", ws, deal, id).then().statusCode(200).body("actionItemIds", contains(items.get(0).get("id")));
    }

    // --- win-backs ----------------------------------------------------------------------------

    @Test
    @SendsInvalidInput
    void aReopenedCheckInOpensALinkedWinBackDealAndTheReportCountsTheChain() {
        String a = deal("Globex renewal", today.minusMonths(4), 12);
        close(a, "LOST", today, "GOOD_FIT", 0).statusCode(200);
        String checkInA = (String) followUpsOf(a).get(0).get("id");

        Api.problem(complete(checkInA, 0, Map.of("note", "Talked")), 422, "follow-up.outcome-required");
        String b = complete(checkInA, 0, Map.of("outcome", "REOPENED", "note", "New CIO, re-evaluating")).statusCode(200)
                .body("status", equalTo("DONE")).body("outcome", equalTo("REOPENED"))
                .extract().path("winBackDealId");
        given().get(DEALS + "/{d}", ws, b).then().statusCode(200).body("outcome", equalTo("OPEN"))
                .body("winBackOf", equalTo(a)).body("name", equalTo("Win-back: Globex renewal"))
                .body("account", equalTo("Globex")).body("owner.id", equalTo(me));
        given().get(DEALS + "/{d}", ws, a).then().statusCode(200).body("winBacks", contains(b));
        given().queryParam("outcome", "LOST").get(DEALS, ws).then().statusCode(200)
                .body("items.find { it.id == '" + a + "' }.winBacks", contains(b));

        close(b, "LOST", today, "GOOD_FIT", 0).statusCode(200);
        String checkInB = (String) followUpsOf(b).get(0).get("id");
        String c = complete(checkInB, 0, Map.of("outcome", "REOPENED")).statusCode(200).extract().path("winBackDealId");
        given().get(DEALS + "/{d}", ws, c).then().statusCode(200).body("winBackOf", equalTo(b))
                .body("name", equalTo("Win-back: Win-back: Globex renewal"));
        close(c, "WON", today, null, 0).statusCode(200);

        String d = deal("Initech pilot", today.minusMonths(4), 12);
        close(d, "LOST", today, "GOOD_FIT", 0).statusCode(200);
        complete((String) followUpsOf(d).get(0).get("id"), 0, Map.of("outcome", "NO_OPPORTUNITY")).statusCode(200)
                .body("winBackDealId", nullValue());

        given().get("/api/v1/workspaces/{ws}/win-backs", ws).then().statusCode(200)
                .body("checkInsDone", equalTo(3)).body("reopened", equalTo(2)).body("reopenedThenWon", equalTo(1))
                .body("to", equalTo(today.toString())).body("from", equalTo(today.minusDays(89).toString()));
        given().queryParam("from", today.minusDays(30).toString()).queryParam("to", today.minusDays(1).toString())
                .get("/api/v1/workspaces/{ws}/win-backs", ws).then().statusCode(200)
                .body("checkInsDone", equalTo(0)).body("reopened", equalTo(0));
        Api.problem(given().queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString())
                .get("/api/v1/workspaces/{ws}/win-backs", ws).then(), 400, "query.invalid");
        Api.problem(given().queryParam("from", "yesterday").get("/api/v1/workspaces/{ws}/win-backs", ws).then(),
                400, "query.invalid").body("errors[0].field", equalTo("from"));
    }

    @Test
    void aWinBackIsAtomicWithItsCheckIn() {
        String a = deal("Globex renewal", today.minusMonths(4), 12);
        close(a, "LOST", today, "GOOD_FIT", 0).statusCode(200);
        String checkIn = (String) followUpsOf(a).get(0).get("id");
        long deals = sql.count("select count(*) from deal where workspace_id = ?::uuid", ws);

        Api.problem(complete(checkIn, 7, Map.of("outcome", "REOPENED")), 412, "precondition.failed");

        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid", ws)).isEqualTo(deals);
        given().get(FOLLOW_UPS + "/{id}", ws, checkIn).then().body("status", equalTo("OPEN"));
    }
}
