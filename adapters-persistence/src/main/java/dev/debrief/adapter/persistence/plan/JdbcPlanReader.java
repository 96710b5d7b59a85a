package dev.debrief.adapter.persistence.plan;

import dev.debrief.adapter.persistence.shared.Jdbc;
import dev.debrief.application.port.in.plan.ActionPlan;
import dev.debrief.application.port.in.plan.Brief;
import dev.debrief.application.port.out.plan.PlanReader;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.followup.FollowUpKind;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The action plan's and the brief's rows in plain SQL. The statements select from deal, follow_up
 * and lesson only the columns the plan shows (names, accounts, statements, follow-up texts and
 * scopes); loss_analysis, loss_analysis_reason, deal_triage, debrief and lesson.rationale are never
 * read here.
 */
@ApplicationScoped
class JdbcPlanReader implements PlanReader {

    private static final String DEAL_COLUMNS = "d.id, d.name, d.account, d.outcome, d.segment_id, d.stage_id, d.persona_id";

    private final EntityManager em;

    @Inject
    JdbcPlanReader(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<ActionPlan.DueFollowUp> openFollowUpsDue(WorkspaceId workspaceId, MemberId memberId, LocalDate day, int limit) {
        return Jdbc.flushedWork(em, c -> {
            try (PreparedStatement s = prepare(c, """
                    select f.id, f.kind, f.text, f.due_on, d.id, d.name, d.account
                    from follow_up f left join deal d on d.workspace_id = f.workspace_id and d.id = f.deal_id
                    where f.workspace_id = ? and f.assignee_id = ? and f.status = 'OPEN' and f.due_on = ?
                    order by f.created_at, f.id limit ?""", workspaceId.value(), memberId.value(), day, limit);
                 ResultSet rs = s.executeQuery()) {
                List<ActionPlan.DueFollowUp> rows = new ArrayList<>();
                while (rs.next()) {
                    UUID dealId = rs.getObject(5, UUID.class);
                    rows.add(new ActionPlan.DueFollowUp(rs.getObject(1, UUID.class), FollowUpKind.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getObject(4, LocalDate.class),
                            dealId == null ? null : new ActionPlan.DealRef(new DealId(dealId), rs.getString(6), rs.getString(7))));
                }
                return rows;
            }
        });
    }

    @Override
    public List<DealFacts> openDealsOwnedBy(WorkspaceId workspaceId, MemberId memberId) {
        return Jdbc.flushedWork(em, c -> deals(c, "select " + DEAL_COLUMNS
                + " from deal d where d.workspace_id = ? and d.owner_id = ? and d.outcome = 'OPEN' order by d.created_at, d.id",
                workspaceId.value(), memberId.value()));
    }

    @Override
    public Optional<DealFacts> deal(WorkspaceId workspaceId, DealId dealId) {
        return Jdbc.flushedWork(em, c -> deals(c, "select " + DEAL_COLUMNS + " from deal d where d.workspace_id = ? and d.id = ?",
                workspaceId.value(), dealId.value())).stream().findFirst();
    }

    @Override
    public List<AdoptedLesson> adoptedLessons(WorkspaceId workspaceId) {
        return Jdbc.flushedWork(em, c -> {
            Map<UUID, Map<String, Set<VocabularyEntryId>>> scopes = new HashMap<>();
            try (PreparedStatement s = prepare(c, """
                    select s.lesson_id, s.kind, s.entry_id from lesson_scope s join lesson l on l.id = s.lesson_id
                    where l.workspace_id = ? and l.status = 'ADOPTED'""", workspaceId.value());
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    scopes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new HashSet<>())
                            .add(new VocabularyEntryId(rs.getObject(3, UUID.class)));
                }
            }
            try (PreparedStatement s = prepare(c, """
                    select l.id, l.statement, l.endorsements, l.created_at from lesson l
                    where l.workspace_id = ? and l.status = 'ADOPTED'
                    order by l.endorsements desc, l.created_at desc, l.id desc""", workspaceId.value());
                 ResultSet rs = s.executeQuery()) {
                List<AdoptedLesson> lessons = new ArrayList<>();
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    Map<String, Set<VocabularyEntryId>> scope = scopes.getOrDefault(id, Map.of());
                    lessons.add(new AdoptedLesson(id, rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                            new LessonScope(scope.get("SEGMENT"), scope.get("STAGE"), scope.get("PERSONA"))));
                }
                return lessons;
            }
        });
    }

    @Override
    public Optional<Brief.NextFollowUp> nextOpenFollowUp(WorkspaceId workspaceId, DealId dealId) {
        return Jdbc.flushedWork(em, c -> {
            try (PreparedStatement s = prepare(c, """
                    select f.id, f.kind, f.text, f.due_on, f.assignee_id from follow_up f
                    where f.workspace_id = ? and f.deal_id = ? and f.status = 'OPEN'
                    order by f.due_on, f.id limit 1""", workspaceId.value(), dealId.value());
                 ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                UUID assignee = rs.getObject(5, UUID.class);
                return Optional.of(new Brief.NextFollowUp(rs.getObject(1, UUID.class), FollowUpKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getObject(4, LocalDate.class), assignee == null ? null : new MemberId(assignee)));
            }
        });
    }

    private static List<DealFacts> deals(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            List<DealFacts> deals = new ArrayList<>();
            while (rs.next()) {
                deals.add(new DealFacts(new DealId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                        Outcome.valueOf(rs.getString(4)), entry(rs, 5), entry(rs, 6), entry(rs, 7)));
            }
            return deals;
        }
    }

    private static VocabularyEntryId entry(ResultSet rs, int column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new VocabularyEntryId(id);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }
}
