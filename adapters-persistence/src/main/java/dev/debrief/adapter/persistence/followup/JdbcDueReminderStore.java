package dev.debrief.adapter.persistence.followup;

import dev.debrief.adapter.persistence.shared.Jdbc;
import dev.debrief.application.port.out.followup.DueReminderStore;
import dev.debrief.domain.shared.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Due reminders as one statement on the transaction's connection: claim the due follow-ups with
 * {@code for update of f skip locked} (only follow-up rows are locked, never their workspace), insert
 * their outbox events, and set {@code due_recorded_for} to the due date they were recorded for.
 *
 * <p>Exactly once per follow-up and due date, twice over: a claimed row is held until commit and no
 * longer matches once committed ({@code due_recorded_for = due_on}), and the event's dedup key
 * ({@code follow-up.due:<id>:<dueOn>}) is unique, so even a row whose mark was lost (a due date moved back
 * to one already reminded of) gets no second event: {@code on conflict do nothing}.
 *
 * <p>"Today" is the workspace's: {@code now} at the workspace's time zone. The first bound (no zone is
 * ahead of UTC+14) lets the scan of {@code follow_up_reminder_idx} stop at the latest today on earth.
 * Event ids are made here (time-ordered, like every id) and paired with the claimed rows in claim order.
 */
@ApplicationScoped
public class JdbcDueReminderStore implements DueReminderStore {

    static final String RECORD_DUE = """
            with claimed as (
                select f.id, f.workspace_id, f.kind, f.text, f.assignee_id, f.deal_id, f.due_on
                from follow_up f
                join workspace w on w.id = f.workspace_id
                where f.status = 'OPEN'
                  and f.due_recorded_for is distinct from f.due_on
                  and f.due_on <= (cast(? as timestamptz) at time zone 'UTC' + interval '14 hours')::date
                  and f.due_on <= (cast(? as timestamptz) at time zone w.time_zone)::date
                order by f.due_on, f.id
                limit ?
                for update of f skip locked
            ), numbered as (
                select c.*, row_number() over (order by c.due_on, c.id) as n from claimed c
            ), recorded as (
                insert into outbox_event (id, workspace_id, type, subject_id, dedup_key, payload, occurred_at)
                select e.id, c.workspace_id, ?, c.id,
                       cast(? as text) || ':' || c.id || ':' || to_char(c.due_on, 'YYYY-MM-DD'),
                       jsonb_build_object('followUpId', c.id, 'workspaceId', c.workspace_id, 'kind', c.kind,
                           'dueOn', to_char(c.due_on, 'YYYY-MM-DD'), 'assigneeId', c.assignee_id,
                           'dealId', c.deal_id, 'text', c.text),
                       ?
                from numbered c
                join unnest(cast(? as uuid[])) with ordinality as e(id, n) on e.n = c.n
                on conflict (dedup_key) do nothing
                returning 1
            ), marked as (
                update follow_up f set due_recorded_for = c.due_on
                from claimed c
                where f.id = c.id
                returning 1
            )
            select (select count(*) from marked) as taken, (select count(*) from recorded) as recorded""";

    private final EntityManager em;

    @Inject
    JdbcDueReminderStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public int recordDue(Instant now, int batchSize) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        UUID[] eventIds = new UUID[batchSize];
        for (int i = 0; i < batchSize; i++) {
            eventIds[i] = Ids.newId();
        }
        return Jdbc.flushedWork(em, c -> {
            try (PreparedStatement s = c.prepareStatement(RECORD_DUE)) {
                s.setObject(1, at);
                s.setObject(2, at);
                s.setInt(3, batchSize);
                s.setString(4, EVENT_TYPE);
                s.setString(5, EVENT_TYPE);
                s.setObject(6, at);
                s.setArray(7, c.createArrayOf("uuid", eventIds));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt("taken");
                }
            }
        });
    }
}
