package dev.debrief.adapter.persistence.followup;

import dev.debrief.adapter.persistence.shared.Jdbc;
import dev.debrief.application.port.in.followup.FollowUpQueries.FollowUpFilter;
import dev.debrief.application.port.out.followup.FollowUpReadModel;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Pages of follow-ups by (due date, id), on the workspace's indexes, and the win-back counts. */
@ApplicationScoped
public class JdbcFollowUpReadModel implements FollowUpReadModel {

    private final EntityManager em;

    @Inject
    JdbcFollowUpReadModel(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<FollowUp> page(WorkspaceId workspaceId, FollowUpFilter filter, LocalDate today, LocalDate afterDueOn,
                               UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("select ").append(FollowUpRows.COLUMNS)
                .append(" from follow_up f where f.workspace_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(workspaceId.value());
        if (filter.assigneeId() != null) {
            sql.append(" and f.assignee_id = ?");
            args.add(filter.assigneeId().value());
        }
        if (filter.teamId() != null) {
            sql.append(" and f.assignee_id in (select m.id from member m where m.workspace_id = f.workspace_id and m.team_id = ?)");
            args.add(filter.teamId().value());
        }
        if (filter.dealId() != null) {
            sql.append(" and f.deal_id = ?");
            args.add(filter.dealId().value());
        }
        if (filter.status() != null) {
            sql.append(" and f.status = ?");
            args.add(filter.status().name());
        }
        if (filter.kind() != null) {
            sql.append(" and f.kind = ?");
            args.add(filter.kind().name());
        }
        if (filter.due() != null) {
            sql.append(" and f.status = 'OPEN' and f.due_on ").append(switch (filter.due()) {
                case OVERDUE -> "< ?";
                case TODAY -> "= ?";
                case UPCOMING -> "> ?";
            });
            args.add(today);
        }
        if (afterDueOn != null) {
            sql.append(" and (f.due_on, f.id) > (?, ?)");
            args.add(afterDueOn);
            args.add(afterId);
        }
        sql.append(" order by f.due_on, f.id limit ?");
        args.add(limit);
        return Jdbc.flushedWork(em, c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                List<FollowUp> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(FollowUpRows.read(rs));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public WinBackCounts winBackCounts(WorkspaceId workspaceId, Instant from, Instant to) {
        return Jdbc.flushedWork(em, c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select count(*),
                           count(*) filter (where f.outcome = 'REOPENED'),
                           count(*) filter (where f.outcome = 'REOPENED' and d.outcome = 'WON')
                    from follow_up f
                    left join deal d on d.workspace_id = f.workspace_id and d.id = f.win_back_deal_id
                    where f.workspace_id = ? and f.kind = 'CHECK_IN' and f.status = 'DONE'
                      and f.resolved_at >= ? and f.resolved_at < ?""")) {
                s.setObject(1, workspaceId.value());
                s.setTimestamp(2, Timestamp.from(from));
                s.setTimestamp(3, Timestamp.from(to));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new WinBackCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }
            }
        });
    }
}
