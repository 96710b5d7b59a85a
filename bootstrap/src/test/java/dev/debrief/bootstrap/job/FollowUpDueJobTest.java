package dev.debrief.bootstrap.job;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.domain.shared.Ids;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FollowUpDueJobTest {

    @Inject
    FollowUpDueJob job;

    @Inject
    Scheduler scheduler;

    @Inject
    Sql sql;

    @Test
    void isOffInTestsSoTheTestsChooseWhenRemindersAreRecorded() {
        assertThat(scheduler.getScheduledJob("follow-up-due")).isNull();
    }

    @Test
    void aRunRecordsTheReminderOfEveryFollowUpDueByTheApplicationsClock() {
        String ws = Api.createWorkspace();
        String member = Api.myMemberId(ws);
        String overdue = actionItem(ws, member, LocalDate.parse("2001-01-10"));
        String future = actionItem(ws, member, LocalDate.parse("2999-01-10"));

        job.recordDue();

        assertThat(sql.count("select count(*) from outbox_event where subject_id = ? and type = 'follow-up.due'", overdue))
                .isEqualTo(1);
        assertThat(sql.count("select count(*) from outbox_event where subject_id = ?", future)).isZero();
        sql.execute("update follow_up set status = 'CANCELLED', resolved_at = now() where id = ?", future);
    }

    private String actionItem(String ws, String assignee, LocalDate dueOn) {
        String id = Ids.newId().toString();
        sql.execute("""
                insert into follow_up (id, workspace_id, kind, text, assignee_id, due_on, status, created_at, updated_at, version)
                values (?, ?, 'ACTION_ITEM', 'Send the revised quote', ?, ?, 'OPEN', now(), now(), 0)""",
                id, ws, assignee, dueOn);
        return id;
    }
}
