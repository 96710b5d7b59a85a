package dev.debrief.adapter.persistence.debrief;

import dev.debrief.application.port.out.debrief.DebriefRepository;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.debrief.Debrief;
import dev.debrief.domain.workspace.WorkspaceId;
import dev.debrief.adapter.persistence.shared.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Debriefs in plain SQL on the transaction's connection: a row, its participants and its lessons. */
@ApplicationScoped
public class JdbcDebriefRepository implements DebriefRepository {

    private final EntityManager em;

    @Inject
    JdbcDebriefRepository(EntityManager em) {
        this.em = em;
    }

    private <T> T work(Jdbc.Work<T> work) {
        return Jdbc.flushedWork(em, work);
    }

    @Override
    public void add(Debrief d) {
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into debrief (id, workspace_id, deal_id, held_at, lesson_learned, how_it_serves_next, notes, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setObject(1, d.id());
                s.setObject(2, d.workspaceId().value());
                s.setObject(3, d.dealId().value());
                s.setTimestamp(4, Timestamp.from(d.heldAt()));
                s.setString(5, d.lessonLearned());
                s.setString(6, d.howItServesNext());
                s.setString(7, d.notes());
                s.setTimestamp(8, Timestamp.from(d.createdAt()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into debrief_participant (debrief_id, workspace_id, member_id) select ?, ?, unnest(?::uuid[])")) {
                s.setObject(1, d.id());
                s.setObject(2, d.workspaceId().value());
                s.setArray(3, c.createArrayOf("uuid", d.participants().stream().map(MemberId::value).toArray()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into debrief_lesson (debrief_id, lesson_id) select ?, unnest(?::uuid[])")) {
                s.setObject(1, d.id());
                s.setArray(2, c.createArrayOf("uuid", d.lessonIds().toArray()));
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Debrief> findById(WorkspaceId workspaceId, DealId dealId, UUID id) {
        return query(workspaceId, dealId, id).stream().findFirst();
    }

    @Override
    public List<Debrief> ofDeal(WorkspaceId workspaceId, DealId dealId) {
        return query(workspaceId, dealId, null);
    }

    private List<Debrief> query(WorkspaceId workspaceId, DealId dealId, UUID id) {
        return work(c -> {
            List<Debrief> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    select id, held_at, lesson_learned, how_it_serves_next, notes, created_at from debrief
                    where workspace_id = ? and deal_id = ?""" + (id == null ? "" : " and id = ?")
                    + " order by held_at desc, id desc")) {
                s.setObject(1, workspaceId.value());
                s.setObject(2, dealId.value());
                if (id != null) {
                    s.setObject(3, id);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Debrief(rs.getObject(1, UUID.class), workspaceId, dealId,
                                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                                Set.of(), List.of(), rs.getTimestamp(6).toInstant(), List.of()));
                    }
                }
            }
            if (found.isEmpty()) {
                return found;
            }
            java.sql.Array ids = c.createArrayOf("uuid", found.stream().map(Debrief::id).toArray());
            Map<UUID, Set<MemberId>> participants = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select debrief_id, member_id from debrief_participant where debrief_id = any(?) order by member_id")) {
                s.setArray(1, ids);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        participants.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashSet<>())
                                .add(new MemberId(rs.getObject(2, UUID.class)));
                    }
                }
            }
            Map<UUID, List<UUID>> lessons = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select debrief_id, lesson_id from debrief_lesson where debrief_id = any(?) order by lesson_id")) {
                s.setArray(1, ids);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        lessons.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(rs.getObject(2, UUID.class));
                    }
                }
            }
            Map<UUID, List<UUID>> actionItems = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select debrief_id, id from follow_up where debrief_id = any(?) order by created_at, id")) {
                s.setArray(1, ids);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        actionItems.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(rs.getObject(2, UUID.class));
                    }
                }
            }
            return found.stream().map(d -> new Debrief(d.id(), d.workspaceId(), d.dealId(), d.heldAt(), d.lessonLearned(),
                    d.howItServesNext(), d.notes(), participants.getOrDefault(d.id(), Set.of()),
                    lessons.getOrDefault(d.id(), List.of()), d.createdAt(), actionItems.getOrDefault(d.id(), List.of())))
                    .toList();
        });
    }
}
