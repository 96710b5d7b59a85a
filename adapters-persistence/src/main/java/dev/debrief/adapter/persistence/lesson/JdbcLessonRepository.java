package dev.debrief.adapter.persistence.lesson;

import dev.debrief.application.port.in.lesson.LessonQueries.LessonFilter;
import dev.debrief.application.port.out.lesson.LessonRepository;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.lesson.LessonStatus;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Lessons in plain SQL on the transaction's connection: a lesson is a row plus its cited deals,
 * its scope entries and its statement history; endorsements are rows whose insert or delete moves
 * the lesson's counter in the same statement batch, so the count is exact under concurrency.
 */
@ApplicationScoped
public class JdbcLessonRepository implements LessonRepository {

    private static final String COLUMNS = "l.id, l.workspace_id, l.statement, l.rationale, l.status, l.categories, "
            + "l.endorsements, l.created_at, l.updated_at, l.version";

    private final EntityManager em;

    @Inject
    JdbcLessonRepository(EntityManager em) {
        this.em = em;
    }

    private <T> T work(Jdbc.Work<T> work) {
        return Jdbc.flushedWork(em, work);
    }

    @Override
    public void save(Lesson lesson) {
        work(c -> {
            UUID ws = lesson.workspaceId().value();
            try (PreparedStatement s = c.prepareStatement("""
                    insert into lesson (id, workspace_id, statement, rationale, status, categories, created_at, updated_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 0)
                    on conflict (id) do update set statement = excluded.statement, rationale = excluded.rationale,
                        status = excluded.status, categories = excluded.categories, updated_at = excluded.updated_at,
                        version = lesson.version + 1""")) {
                s.setObject(1, lesson.id());
                s.setObject(2, ws);
                s.setString(3, lesson.statement());
                s.setString(4, lesson.rationale());
                s.setString(5, lesson.status().name());
                s.setArray(6, c.createArrayOf("varchar", lesson.categories().stream().map(Enum::name).sorted().toArray()));
                s.setTimestamp(7, Timestamp.from(lesson.createdAt()));
                s.setTimestamp(8, Timestamp.from(lesson.updatedAt()));
                s.executeUpdate();
            }
            Jdbc.update(c, "delete from lesson_deal where lesson_id = ?", lesson.id());
            Jdbc.update(c, """
                    insert into lesson_deal (lesson_id, workspace_id, deal_id) select ?, ?, unnest(?::uuid[])""",
                    lesson.id(), ws, c.createArrayOf("uuid", lesson.sourceDealIds().stream().map(DealId::value).toArray()));
            Jdbc.update(c, "delete from lesson_scope where lesson_id = ?", lesson.id());
            insertScope(c, lesson, "SEGMENT", lesson.scope().segmentIds());
            insertScope(c, lesson, "STAGE", lesson.scope().stageIds());
            insertScope(c, lesson, "PERSONA", lesson.scope().personaIds());
            for (Lesson.StatementChange change : lesson.newStatementChanges()) {
                Jdbc.update(c, "insert into lesson_statement_change (id, workspace_id, lesson_id, statement, replaced_at) values (?, ?, ?, ?, ?)",
                        change.id(), ws, lesson.id(), change.statement(), Timestamp.from(change.replacedAt()));
            }
            return null;
        });
    }

    private static void insertScope(Connection c, Lesson lesson, String kind, Set<VocabularyEntryId> ids) throws SQLException {
        if (!ids.isEmpty()) {
            Jdbc.update(c, "insert into lesson_scope (lesson_id, workspace_id, kind, entry_id) select ?, ?, ?, unnest(?::uuid[])",
                    lesson.id(), lesson.workspaceId().value(), kind,
                    c.createArrayOf("uuid", ids.stream().map(VocabularyEntryId::value).toArray()));
        }
    }

    @Override
    public Optional<Lesson> findById(WorkspaceId workspaceId, UUID id) {
        return one(workspaceId, id, "");
    }

    @Override
    public Optional<Lesson> lockById(WorkspaceId workspaceId, UUID id) {
        return one(workspaceId, id, " for update");
    }

    private Optional<Lesson> one(WorkspaceId workspaceId, UUID id, String lock) {
        List<Lesson> found = work(c -> query(c, "select " + COLUMNS + " from lesson l where l.workspace_id = ? and l.id = ?"
                + lock, List.of(workspaceId.value(), id)));
        return found.stream().findFirst();
    }

    @Override
    public List<Lesson.StatementChange> history(WorkspaceId workspaceId, UUID id) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select id, statement, replaced_at from lesson_statement_change
                    where workspace_id = ? and lesson_id = ? order by replaced_at, id""")) {
                s.setObject(1, workspaceId.value());
                s.setObject(2, id);
                List<Lesson.StatementChange> changes = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new Lesson.StatementChange(rs.getObject(1, UUID.class), rs.getString(2),
                                rs.getTimestamp(3).toInstant()));
                    }
                }
                return changes;
            }
        });
    }

    @Override
    public boolean endorse(WorkspaceId workspaceId, UUID lessonId, MemberId memberId, Instant now) {
        return work(c -> {
            boolean added;
            try (PreparedStatement s = c.prepareStatement("""
                    insert into lesson_endorsement (lesson_id, workspace_id, member_id, created_at) values (?, ?, ?, ?)
                    on conflict (lesson_id, member_id) do nothing""")) {
                s.setObject(1, lessonId);
                s.setObject(2, workspaceId.value());
                s.setObject(3, memberId.value());
                s.setTimestamp(4, Timestamp.from(now));
                added = s.executeUpdate() == 1;
            }
            if (added) {
                Jdbc.update(c, "update lesson set endorsements = endorsements + 1 where id = ? and workspace_id = ?",
                        lessonId, workspaceId.value());
            }
            return added;
        });
    }

    @Override
    public boolean withdraw(WorkspaceId workspaceId, UUID lessonId, MemberId memberId) {
        return work(c -> {
            boolean removed = Jdbc.update(c, "delete from lesson_endorsement where lesson_id = ? and member_id = ? and workspace_id = ?",
                    lessonId, memberId.value(), workspaceId.value()) == 1;
            if (removed) {
                Jdbc.update(c, "update lesson set endorsements = endorsements - 1 where id = ? and workspace_id = ?",
                        lessonId, workspaceId.value());
            }
            return removed;
        });
    }

    @Override
    public List<Lesson> page(WorkspaceId workspaceId, LessonFilter f, boolean byEndorsements, Key after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from lesson l where l.workspace_id = ?");
        List<Object> params = new ArrayList<>(List.of(workspaceId.value()));
        if (f.status() != null) {
            sql.append(" and l.status = ?");
            params.add(f.status().name());
        }
        if (f.category() != null) {
            sql.append(" and ? = any(l.categories)");
            params.add(f.category().name());
        }
        scope(sql, params, "SEGMENT", f.segmentId());
        scope(sql, params, "STAGE", f.stageId());
        scope(sql, params, "PERSONA", f.personaId());
        if (f.dealId() != null) {
            sql.append(" and exists (select 1 from lesson_deal d where d.lesson_id = l.id and d.deal_id = ?)");
            params.add(f.dealId().value());
        }
        if (f.q() != null) {
            sql.append(" and (strpos(lower(l.statement), ?) > 0 or strpos(lower(coalesce(l.rationale, '')), ?) > 0)");
            params.add(f.q().toLowerCase(java.util.Locale.ROOT));
            params.add(f.q().toLowerCase(java.util.Locale.ROOT));
        }
        if (byEndorsements) {
            if (after != null) {
                sql.append(" and (l.endorsements, l.id) < (?, ?)");
                params.add(after.endorsements());
                params.add(after.id());
            }
            sql.append(" order by l.endorsements desc, l.id desc");
        } else {
            if (after != null) {
                sql.append(" and (l.created_at, l.id) < (?, ?)");
                params.add(Timestamp.from(after.createdAt()));
                params.add(after.id());
            }
            sql.append(" order by l.created_at desc, l.id desc");
        }
        sql.append(" limit ").append(limit);
        return work(c -> query(c, sql.toString(), params));
    }

    /** Lessons that apply to the entry: none of that kind in their scope, or this one. */
    private static void scope(StringBuilder sql, List<Object> params, String kind, VocabularyEntryId entry) {
        if (entry != null) {
            sql.append(" and (not exists (select 1 from lesson_scope s where s.lesson_id = l.id and s.kind = '").append(kind)
                    .append("') or exists (select 1 from lesson_scope s where s.lesson_id = l.id and s.entry_id = ?))");
            params.add(entry.value());
        }
    }

    private static List<Lesson> query(Connection c, String sql, List<Object> params) throws SQLException {
        Map<UUID, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getObject(1, UUID.class), new Object[]{rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getArray(6).getArray(), rs.getLong(7),
                            rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), rs.getLong(10)});
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        java.sql.Array ids = c.createArrayOf("uuid", rows.keySet().toArray());
        Map<UUID, Set<DealId>> deals = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select lesson_id, deal_id from lesson_deal where lesson_id = any(?)")) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    deals.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(new DealId(rs.getObject(2, UUID.class)));
                }
            }
        }
        Map<UUID, Map<String, Set<VocabularyEntryId>>> scopes = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select lesson_id, kind, entry_id from lesson_scope where lesson_id = any(?)")) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    scopes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new HashSet<>())
                            .add(new VocabularyEntryId(rs.getObject(3, UUID.class)));
                }
            }
        }
        List<Lesson> lessons = new ArrayList<>();
        rows.forEach((id, r) -> {
            Map<String, Set<VocabularyEntryId>> scope = scopes.getOrDefault(id, Map.of());
            Set<ReasonCategory> categories = Arrays.stream((Object[]) r[4]).map(o -> ReasonCategory.valueOf((String) o))
                    .collect(Collectors.toSet());
            lessons.add(Lesson.rehydrate(id, new WorkspaceId((UUID) r[0]), (String) r[1], (String) r[2],
                    deals.getOrDefault(id, Set.of()), categories,
                    new LessonScope(scope.get("SEGMENT"), scope.get("STAGE"), scope.get("PERSONA")),
                    LessonStatus.valueOf((String) r[3]), (Instant) r[6], (Instant) r[7], (Long) r[8], (Long) r[5]));
        });
        return lessons;
    }
}
