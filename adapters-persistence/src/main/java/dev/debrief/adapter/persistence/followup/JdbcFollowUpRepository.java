package dev.debrief.adapter.persistence.followup;

import dev.debrief.adapter.persistence.shared.Jdbc;
import dev.debrief.application.port.out.followup.FollowUpRepository;
import dev.debrief.domain.access.ActorRef;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Follow-ups in plain SQL on the transaction's connection. New check-ins are inserted with
 * {@code on conflict do nothing} against the partial unique index of open check-ins, so the database,
 * not a read before the insert, keeps one open check-in per deal.
 */
@ApplicationScoped
public class JdbcFollowUpRepository implements FollowUpRepository {

    private static final String INSERT = """
            insert into follow_up (id, workspace_id, kind, text, assignee_id, due_on, deal_id, lesson_id, debrief_id,
                                   status, outcome, outcome_note, resolved_by, resolved_at, win_back_deal_id,
                                   created_by, created_at, updated_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""";

    private final EntityManager em;

    @Inject
    JdbcFollowUpRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(FollowUp followUp) {
        Jdbc.flushedWork(em, c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                bindInsert(s, followUp);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int addCheckIns(List<FollowUp> checkIns) {
        if (checkIns.isEmpty()) {
            return 0;
        }
        return Jdbc.flushedWork(em, c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT
                    + " on conflict (deal_id) where kind = 'CHECK_IN' and status = 'OPEN' do nothing")) {
                for (FollowUp checkIn : checkIns) {
                    bindInsert(s, checkIn);
                    s.addBatch();
                }
                int added = 0;
                for (int count : s.executeBatch()) {
                    added += Math.max(count, 0);
                }
                return added;
            }
        });
    }

    private static void bindInsert(PreparedStatement s, FollowUp f) throws SQLException {
        s.setObject(1, f.id());
        s.setObject(2, f.workspaceId().value());
        s.setString(3, f.kind().name());
        s.setString(4, f.text());
        s.setObject(5, f.assigneeId() == null ? null : f.assigneeId().value());
        s.setObject(6, f.dueOn());
        s.setObject(7, f.dealId() == null ? null : f.dealId().value());
        s.setObject(8, f.lessonId());
        s.setObject(9, f.debriefId());
        s.setString(10, f.status().name());
        s.setString(11, f.outcome() == null ? null : f.outcome().name());
        s.setString(12, f.outcomeNote());
        s.setString(13, f.resolvedBy() == null ? null : f.resolvedBy().stored());
        s.setTimestamp(14, f.resolvedAt() == null ? null : Timestamp.from(f.resolvedAt()));
        s.setObject(15, f.winBackDealId() == null ? null : f.winBackDealId().value());
        s.setString(16, f.createdBy() == null ? null : f.createdBy().stored());
        s.setTimestamp(17, Timestamp.from(f.createdAt()));
        s.setTimestamp(18, Timestamp.from(f.updatedAt()));
    }

    @Override
    public int cancelOpenCheckIns(WorkspaceId workspaceId, Collection<DealId> dealIds, String note, ActorRef by,
                                  Instant now) {
        if (dealIds.isEmpty()) {
            return 0;
        }
        return Jdbc.flushedWork(em, c -> Jdbc.update(c, """
                        update follow_up set status = 'CANCELLED', outcome_note = ?, resolved_by = ?, resolved_at = ?,
                            updated_at = ?, version = version + 1
                        where workspace_id = ? and deal_id = any(?) and kind = 'CHECK_IN' and status = 'OPEN'""",
                note, by.stored(), Timestamp.from(now), Timestamp.from(now), workspaceId.value(),
                c.createArrayOf("uuid", dealIds.stream().map(DealId::value).toArray())));
    }

    @Override
    public void update(FollowUp f) {
        Jdbc.flushedWork(em, c -> Jdbc.update(c, """
                        update follow_up set text = ?, assignee_id = ?, due_on = ?, status = ?, outcome = ?,
                            outcome_note = ?, resolved_by = ?, resolved_at = ?, win_back_deal_id = ?, updated_at = ?,
                            version = version + 1
                        where workspace_id = ? and id = ?""",
                f.text(), f.assigneeId() == null ? null : f.assigneeId().value(), f.dueOn(), f.status().name(),
                f.outcome() == null ? null : f.outcome().name(), f.outcomeNote(),
                f.resolvedBy() == null ? null : f.resolvedBy().stored(),
                f.resolvedAt() == null ? null : Timestamp.from(f.resolvedAt()),
                f.winBackDealId() == null ? null : f.winBackDealId().value(), Timestamp.from(f.updatedAt()),
                f.workspaceId().value(), f.id()));
    }

    @Override
    public Optional<FollowUp> findById(WorkspaceId workspaceId, UUID id) {
        return one(workspaceId, id, "");
    }

    @Override
    public Optional<FollowUp> lockById(WorkspaceId workspaceId, UUID id) {
        return one(workspaceId, id, " for update");
    }

    private Optional<FollowUp> one(WorkspaceId workspaceId, UUID id, String lock) {
        return Jdbc.flushedWork(em, c -> {
            try (PreparedStatement s = c.prepareStatement("select " + FollowUpRows.COLUMNS
                    + " from follow_up f where f.workspace_id = ? and f.id = ?" + lock)) {
                s.setObject(1, workspaceId.value());
                s.setObject(2, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(FollowUpRows.read(rs)) : Optional.<FollowUp>empty();
                }
            }
        });
    }
}
