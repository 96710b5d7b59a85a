package dev.debrief.adapter.persistence.plan;

import dev.debrief.adapter.persistence.shared.Jdbc;
import dev.debrief.application.port.out.plan.PlanItemRepository;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.plan.PlanItem;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plan items in plain SQL on the transaction's connection; every statement names the workspace and the member. */
@ApplicationScoped
public class JdbcPlanItemRepository implements PlanItemRepository {

    private static final String COLUMNS = "id, workspace_id, member_id, plan_date, text, done_at, created_at";

    private final EntityManager em;

    @Inject
    JdbcPlanItemRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void save(PlanItem item) {
        Jdbc.flushedWork(em, c -> Jdbc.update(c, """
                insert into plan_item (id, workspace_id, member_id, plan_date, text, done_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set text = excluded.text, done_at = excluded.done_at
                where plan_item.workspace_id = excluded.workspace_id and plan_item.member_id = excluded.member_id""",
                item.id(), item.workspaceId().value(), item.memberId().value(), item.date(), item.text(),
                item.doneAt() == null ? null : Timestamp.from(item.doneAt()), Timestamp.from(item.createdAt())));
    }

    @Override
    public Optional<PlanItem> findById(WorkspaceId workspaceId, MemberId memberId, UUID id) {
        return Jdbc.flushedWork(em, c -> query(c, "select " + COLUMNS
                + " from plan_item where workspace_id = ? and member_id = ? and id = ?",
                workspaceId.value(), memberId.value(), id)).stream().findFirst();
    }

    @Override
    public boolean delete(WorkspaceId workspaceId, MemberId memberId, UUID id) {
        return Jdbc.flushedWork(em, c -> Jdbc.update(c,
                "delete from plan_item where workspace_id = ? and member_id = ? and id = ?",
                workspaceId.value(), memberId.value(), id)) == 1;
    }

    @Override
    public List<PlanItem> listFor(WorkspaceId workspaceId, MemberId memberId, LocalDate date) {
        return Jdbc.flushedWork(em, c -> query(c, "select " + COLUMNS
                + " from plan_item where workspace_id = ? and member_id = ? and plan_date = ? order by created_at, id",
                workspaceId.value(), memberId.value(), date));
    }

    private static List<PlanItem> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<PlanItem> items = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp doneAt = rs.getTimestamp(6);
                    items.add(PlanItem.rehydrate(rs.getObject(1, UUID.class), new WorkspaceId(rs.getObject(2, UUID.class)),
                            new MemberId(rs.getObject(3, UUID.class)), rs.getObject(4, LocalDate.class), rs.getString(5),
                            doneAt == null ? null : doneAt.toInstant(), rs.getTimestamp(7).toInstant()));
                }
            }
            return items;
        }
    }
}
