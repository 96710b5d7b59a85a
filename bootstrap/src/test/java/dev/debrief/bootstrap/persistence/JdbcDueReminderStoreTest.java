package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.followup.DueReminderStore;
import dev.debrief.application.port.out.followup.DueReminderStoreContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.domain.followup.FollowUpStatus;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The DueReminderStoreContract against PostgreSQL: follow-ups written and read with plain SQL (their
 * repository is not this store's business), every step in a transaction of its own.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JdbcDueReminderStoreTest extends DueReminderStoreContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    DueReminderStore store;

    @Inject
    Sql sql;

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected DueReminderStore store() {
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    @Override
    protected UUID givenFollowUp(WorkspaceId workspace, LocalDate dueOn) {
        return FollowUps.insert(sql, workspace.value(), dueOn);
    }

    @Override
    protected void setStatus(UUID followUp, FollowUpStatus status) {
        sql.execute("update follow_up set status = ?, resolved_at = case when ? = 'OPEN' then null else now() end"
                + " where id = ?", status.name(), status.name(), followUp);
    }

    @Override
    protected void moveDueDate(UUID followUp, LocalDate dueOn) {
        sql.execute("update follow_up set due_on = ? where id = ?", dueOn, followUp);
    }

    @Override
    protected List<RecordedEvent> events(UUID followUp) {
        return sql.rows("""
                        select workspace_id, type, subject_id, dedup_key, payload ->> 'dueOn' as due_on, occurred_at
                        from outbox_event where subject_id = ? order by payload ->> 'dueOn'""", followUp)
                .stream()
                .map(r -> new RecordedEvent((UUID) r.get("workspace_id"), (String) r.get("type"), (UUID) r.get("subject_id"),
                        (String) r.get("dedup_key"), LocalDate.parse((String) r.get("due_on")), instant(r.get("occurred_at"))))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return ((OffsetDateTime) value).toInstant();
    }

    /** Follow-ups written straight into follow_up: an action item with a member of its own as assignee. */
    static final class FollowUps {

        private FollowUps() {
        }

        static UUID insert(Sql sql, UUID workspace, LocalDate dueOn) {
            UUID member = Ids.newId();
            sql.execute("""
                    insert into member (id, workspace_id, email, display_name, role, created_at)
                    values (?, ?, ?, 'Due Rep', 'REP', now())""", member, workspace, member + "@due.test");
            UUID id = Ids.newId();
            sql.execute("""
                    insert into follow_up (id, workspace_id, kind, text, assignee_id, due_on, status, created_at,
                        updated_at, version)
                    values (?, ?, 'ACTION_ITEM', 'Call the buyer back', ?, ?, 'OPEN', now(), now(), 0)""",
                    id, workspace, member, dueOn);
            return id;
        }
    }
}
