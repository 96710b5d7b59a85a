package dev.debrief.bootstrap.followup;

import dev.debrief.application.port.in.followup.RecordDueRemindersUseCase;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.domain.shared.Ids;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due reminders on PostgreSQL, through the use case: two runners at once, and what an event holds.
 * Like the store's contract, these tests live in 2001, where nothing another test leaves open is due,
 * and cancel what they leave open.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DueRemindersTest {

    static final Instant NOON = Instant.parse("2001-01-10T11:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2001-01-10");

    @Inject
    RecordDueRemindersUseCase reminders;

    @Inject
    Sql sql;

    private final List<String> workspaces = new ArrayList<>();

    @AfterEach
    void cancelWhatIsLeftOpen() {
        workspaces.forEach(ws -> sql.execute(
                "update follow_up set status = 'CANCELLED', resolved_at = now() where workspace_id = ? and status = 'OPEN'", ws));
    }

    @Test
    void aSecondRunnerTakesOnlyWhatTheFirstHoldsNotAndNeverWaitsForIt() throws Exception {
        String ws = workspace("Europe/Berlin");
        String member = Api.myMemberId(ws);
        List<String> due = new ArrayList<>();
        for (int i = 10; i >= 1; i--) { // earliest due date first: the first runner's batch of 4 is due.subList(0, 4)
            due.add(actionItem(ws, member, TODAY.minusDays(i)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch aClaimed = new CountDownLatch(1);
        CountDownLatch aMayCommit = new CountDownLatch(1);
        try {
            Future<Integer> a = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                int taken = reminders.recordDue(NOON, 4);
                aClaimed.countDown();
                if (!aMayCommit.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("runner A was never let go");
                }
                return taken;
            }));
            assertThat(aClaimed.await(30, TimeUnit.SECONDS)).as("runner A claimed its batch").isTrue();

            Future<Integer> b = threads.submit(() -> reminders.recordDue(NOON, 100));

            // B finishes while A still holds its rows (A waits for aMayCommit, counted down only below).
            assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(6);
            assertThat(a).isNotDone();
            assertThat(eventsFor(due.subList(4, 10))).isEqualTo(6);
            assertThat(eventsFor(due.subList(0, 4))).as("A's events are not committed yet").isZero();

            aMayCommit.countDown();
            assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(4);
        } finally {
            aMayCommit.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        for (String id : due) {
            assertThat(sql.count("select count(*) from outbox_event where subject_id = ?", id)).as(id).isEqualTo(1);
        }
        assertThat(reminders.recordDue(NOON, 100)).isZero();
        assertThat(eventsFor(due)).isEqualTo(10);
    }

    @Test
    void anEventCarriesTheFollowUpItIsAbout() {
        String ws = workspace("Europe/Berlin");
        String member = Api.myMemberId(ws);
        String deal = Api.createDeal(ws, "Lost to a cheaper rival");
        String checkIn = Ids.newId().toString();
        sql.execute("""
                insert into follow_up (id, workspace_id, kind, text, deal_id, due_on, status, created_at, updated_at, version)
                values (?, ?, 'CHECK_IN', 'Check in with the buyer', ?, ?, 'OPEN', now(), now(), 0)""",
                checkIn, ws, deal, TODAY);
        String actionItem = actionItem(ws, member, TODAY.minusDays(1));

        assertThat(reminders.recordDue(NOON, 100)).isEqualTo(2);

        assertThat(sql.rows("""
                        select type, dedup_key, occurred_at = ? as at_now,
                               payload = jsonb_build_object('followUpId', ?, 'workspaceId', ?, 'kind', 'CHECK_IN',
                                   'dueOn', '2001-01-10', 'assigneeId', null, 'dealId', ?, 'text', 'Check in with the buyer')
                                   as payload_ok
                        from outbox_event where subject_id = ?""",
                NOON.atOffset(java.time.ZoneOffset.UTC), checkIn, ws, deal, checkIn))
                .containsExactly(Map.of("type", "follow-up.due", "dedup_key", "follow-up.due:" + checkIn + ":2001-01-10",
                        "at_now", true, "payload_ok", true));
        assertThat(sql.rows("select payload ->> 'assigneeId' as assignee, payload ->> 'kind' as kind,"
                        + " payload ->> 'dueOn' as due_on, workspace_id::text as ws from outbox_event where subject_id = ?", actionItem))
                .containsExactly(Map.of("assignee", member, "kind", "ACTION_ITEM", "due_on", "2001-01-09", "ws", ws));
        assertThat(sql.count("select count(*) from follow_up where id = ? and due_recorded_for = '2001-01-10'", checkIn))
                .isEqualTo(1);
    }

    /** A workspace made through the API, in that time zone. */
    private String workspace(String timeZone) {
        String ws = given().contentType(ContentType.JSON)
                .body(Api.workspace("Due " + System.nanoTime(), timeZone, "EUR"))
                .post("/api/v1/workspaces").then().statusCode(201).extract().path("id");
        workspaces.add(ws);
        return ws;
    }

    private String actionItem(String ws, String assignee, LocalDate dueOn) {
        String id = Ids.newId().toString();
        sql.execute("""
                insert into follow_up (id, workspace_id, kind, text, assignee_id, due_on, status, created_at, updated_at, version)
                values (?, ?, 'ACTION_ITEM', 'Send the revised quote', ?, ?, 'OPEN', now(), now(), 0)""",
                id, ws, assignee, dueOn);
        return id;
    }

    private long eventsFor(List<String> followUps) {
        return sql.count("select count(*) from outbox_event where subject_id::text = any(string_to_array(?, ','))",
                String.join(",", followUps));
    }
}
