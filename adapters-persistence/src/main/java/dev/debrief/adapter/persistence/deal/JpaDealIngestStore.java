package dev.debrief.adapter.persistence.deal;

import dev.debrief.adapter.persistence.shared.Jdbc;
import dev.debrief.application.port.out.ingest.DealIngestStore;
import dev.debrief.application.port.out.ingest.RejectedByDatabase;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.LossAnalysis;
import dev.debrief.domain.deal.OutcomeChange;
import dev.debrief.domain.deal.ReasonAssessment;
import dev.debrief.domain.deal.TriageField;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Partner ingest's bulk writes, in plain JDBC on the transaction's own connection: each statement
 * takes whole columns as arrays ({@code unnest}), so a batch of 500 deals is a handful of round
 * trips. The deals are locked by an upsert whose conflict branch changes nothing ({@code DO UPDATE
 * SET version = deal.version}): one statement, in reference order, inserts the new rows and locks
 * the existing ones, and a concurrent insert of the same reference waits instead of failing.
 * Existing deals are then read through Hibernate with {@link DealMapper}, like every other read.
 */
@ApplicationScoped
public class JpaDealIngestStore implements DealIngestStore {

    private final EntityManager em;

    @Inject
    JpaDealIngestStore(DealPanacheRepository deals) {
        this.em = deals.getEntityManager();
    }

    @Override
    public Locked insertOrLock(WorkspaceId workspaceId, List<Deal> candidates) {
        if (candidates.isEmpty()) {
            return new Locked(Map.of(), Set.of(), Set.of());
        }
        List<ExternalReference> references = candidates.stream().map(d -> d.details().externalReference()).toList();
        Set<ExternalReference> tombstoned = tombstoned(workspaceId, references);
        List<Deal> insertable = candidates.stream()
                .filter(d -> !tombstoned.contains(d.details().externalReference())).toList();
        Map<UUID, ExternalReference> rowIds = work(c -> upsert(c, workspaceId, insertable));
        analyzeOnce();
        Set<UUID> candidateIds = insertable.stream().map(d -> d.id().value()).collect(Collectors.toSet());
        Set<ExternalReference> inserted = new HashSet<>();
        List<UUID> existingIds = new ArrayList<>();
        rowIds.forEach((id, reference) -> {
            if (candidateIds.contains(id)) {
                inserted.add(reference);
            } else {
                existingIds.add(id);
            }
        });
        // A deal deleted while this insert waited for its row: its tombstone is visible now, so undo the insert.
        Set<ExternalReference> lateTombstones = inserted.isEmpty() ? Set.of() : tombstoned(workspaceId, List.copyOf(inserted));
        if (!lateTombstones.isEmpty()) {
            List<UUID> undo = insertable.stream().filter(d -> lateTombstones.contains(d.details().externalReference()))
                    .map(d -> d.id().value()).toList();
            work(c -> Jdbc.update(c, "delete from deal where workspace_id = ? and id = any(?)", workspaceId.value(), uuids(c, undo)));
            inserted.removeAll(lateTombstones);
            tombstoned.addAll(lateTombstones);
        }
        return new Locked(load(workspaceId, existingIds), inserted, tombstoned);
    }

    private volatile boolean dealAnalyzed;

    /**
     * A bulk first load into a {@code deal} table PostgreSQL has never analyzed is slow: the cached
     * plans of the foreign-key checks that reference it (analyses, outcome changes, triage) pick a
     * {@code (workspace_id, …)} index with a filter on id and read every deal of the workspace per
     * check, until autovacuum analyzes the table about a minute later (measured in the ingest
     * benchmark: 12% of the raw upsert rate on a fresh database, 64% after). So the first ingest
     * of each instance analyzes {@code deal} when it never was; the new statistics invalidate the
     * cached plans of every connection. Cheap, and only ever once per table.
     */
    private void analyzeOnce() {
        if (dealAnalyzed) {
            return;
        }
        boolean never = work(c -> {
            try (PreparedStatement s = c.prepareStatement("select reltuples < 0 from pg_class where oid = 'deal'::regclass");
                 ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
        if (never) {
            execute("analyze deal");
        }
        dealAnalyzed = true;
    }

    @Override
    public Locked lock(WorkspaceId workspaceId, List<ExternalReference> references) {
        if (references.isEmpty()) {
            return new Locked(Map.of(), Set.of(), Set.of());
        }
        List<UUID> ids = work(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select d.id from deal d
                    join unnest(?::text[], ?::text[]) with ordinality as r(source, external_id, n)
                      on d.external_source = r.source and d.external_id = r.external_id
                    where d.workspace_id = ?
                    order by r.n
                    for update of d""")) {
                s.setArray(1, texts(c, references, ExternalReference::source));
                s.setArray(2, texts(c, references, ExternalReference::externalId));
                s.setObject(3, workspaceId.value());
                List<UUID> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        });
        return new Locked(load(workspaceId, ids), Set.of(), Set.of());
    }

    private Set<ExternalReference> tombstoned(WorkspaceId workspaceId, List<ExternalReference> references) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select t.external_source, t.external_id from deal_tombstone t
                    join unnest(?::text[], ?::text[]) as r(source, external_id)
                      on t.external_source = r.source and t.external_id = r.external_id
                    where t.workspace_id = ?""")) {
                s.setArray(1, texts(c, references, ExternalReference::source));
                s.setArray(2, texts(c, references, ExternalReference::externalId));
                s.setObject(3, workspaceId.value());
                Set<ExternalReference> found = new HashSet<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(new ExternalReference(rs.getString(1), rs.getString(2)));
                    }
                }
                return found;
            }
        });
    }

    /** Inserts the new rows and locks the existing ones; returns the id of the row now holding each reference. */
    private static Map<UUID, ExternalReference> upsert(Connection c, WorkspaceId workspaceId, List<Deal> deals)
            throws SQLException {
        Map<UUID, ExternalReference> rows = new LinkedHashMap<>();
        if (deals.isEmpty()) {
            return rows;
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into deal (id, workspace_id, name, account, owner_id, owner_name, team_id, amount, currency,
                                  stage_id, segment_id, persona_id, lead_source_id, pitched_at, pitched_term_months,
                                  risk_tags, competitor, external_source, external_id, outcome, closed_on,
                                  created_at, updated_at, version, source_occurred_at)
                select v.id, ?, v.name, v.account, v.owner_id, v.owner_name, v.team_id, v.amount, v.currency,
                       v.stage_id, v.segment_id, v.persona_id, v.lead_source_id, v.pitched_at, v.pitched_term_months,
                       '{}', v.competitor, v.external_source, v.external_id, v.outcome, v.closed_on,
                       v.updated_at, v.updated_at, 0, v.source_occurred_at
                from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::uuid[], ?::numeric[], ?::text[],
                            ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::date[], ?::int[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::date[], ?::timestamptz[], ?::timestamptz[])
                     as v(id, name, account, owner_id, owner_name, team_id, amount, currency, stage_id, segment_id,
                          persona_id, lead_source_id, pitched_at, pitched_term_months, competitor, external_source,
                          external_id, outcome, closed_on, updated_at, source_occurred_at)
                on conflict (workspace_id, external_source, external_id) where external_source is not null
                do update set version = deal.version
                returning id, external_source, external_id""")) {
            s.setObject(1, workspaceId.value());
            int i = bindDealColumns(c, s, 2, deals);
            s.setArray(i, timestamps(c, deals, d -> d.partnerSync() == null ? null : d.partnerSync().occurredAt()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getObject(1, UUID.class), new ExternalReference(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return rows;
    }

    /** Binds id, the detail columns, outcome, closed_on and updated_at from index {@code i}; returns the next index. */
    private static int bindDealColumns(Connection c, PreparedStatement s, int i, List<Deal> deals) throws SQLException {
        s.setArray(i++, uuids(c, deals.stream().map(d -> d.id().value()).toList()));
        s.setArray(i++, texts(c, deals, d -> d.details().name()));
        s.setArray(i++, texts(c, deals, d -> d.details().account()));
        s.setArray(i++, uuids(c, deals.stream().map(d -> d.details().owner() == null ? null : d.details().owner().id()).toList()));
        s.setArray(i++, texts(c, deals, d -> d.details().owner() == null ? null : d.details().owner().displayName()));
        s.setArray(i++, entryIds(c, deals, DealDetails::teamId));
        s.setArray(i++, c.createArrayOf("numeric", deals.stream()
                .map(d -> d.details().amount() == null ? null : d.details().amount().amount()).toArray()));
        s.setArray(i++, texts(c, deals, d -> d.details().amount() == null ? null
                : d.details().amount().currency().getCurrencyCode()));
        s.setArray(i++, entryIds(c, deals, DealDetails::stageId));
        s.setArray(i++, entryIds(c, deals, DealDetails::segmentId));
        s.setArray(i++, entryIds(c, deals, DealDetails::personaId));
        s.setArray(i++, entryIds(c, deals, DealDetails::leadSourceId));
        s.setArray(i++, texts(c, deals, d -> d.details().pitchedAt() == null ? null : d.details().pitchedAt().toString()));
        s.setArray(i++, c.createArrayOf("int4", deals.stream()
                .map(d -> d.details().pitchedTerm() == null ? null : d.details().pitchedTerm().months()).toArray()));
        s.setArray(i++, texts(c, deals, d -> d.details().competitor()));
        s.setArray(i++, texts(c, deals, d -> d.details().externalReference().source()));
        s.setArray(i++, texts(c, deals, d -> d.details().externalReference().externalId()));
        s.setArray(i++, texts(c, deals, d -> d.outcome().name()));
        s.setArray(i++, texts(c, deals, d -> d.closedOn() == null ? null : d.closedOn().toString()));
        s.setArray(i++, timestamps(c, deals, Deal::updatedAt));
        return i;
    }

    private Map<ExternalReference, Deal> load(WorkspaceId workspaceId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        em.flush();
        List<DealJpaEntity> rows = em.createQuery(
                        "select d from DealJpaEntity d where d.workspaceId = :ws and d.id in :ids", DealJpaEntity.class)
                .setParameter("ws", workspaceId.value()).setParameter("ids", ids).getResultList();
        // getResultList, not getResultStream: a stream yields a fetch-joined entity once per run of
        // contiguous rows (one row per reason), and the plan does not keep them contiguous.
        Map<UUID, LossAnalysisJpaEntity> analyses = em.createQuery("""
                        select distinct a from LossAnalysisJpaEntity a left join fetch a.reasons
                        where a.workspaceId = :ws and a.dealId in :ids and a.current = true""", LossAnalysisJpaEntity.class)
                .setParameter("ws", workspaceId.value()).setParameter("ids", ids)
                .getResultList().stream().collect(Collectors.toMap(a -> a.dealId, Function.identity()));
        Map<UUID, Map<TriageField, String>> triage = work(c -> DealTriageRows.read(c, workspaceId.value(), ids));
        Map<ExternalReference, Deal> deals = new HashMap<>();
        for (DealJpaEntity row : rows) {
            Deal deal = DealMapper.toDomain(row, analyses.get(row.id), triage.getOrDefault(row.id, Map.of()));
            deals.put(deal.details().externalReference(), deal);
        }
        em.clear(); // the rows change below in plain SQL: keep no managed copies that could go stale
        return deals;
    }

    @Override
    public void saveCreated(List<Deal> created) {
        if (!created.isEmpty()) {
            work(c -> {
                writeDependents(c, created);
                return null;
            });
        }
    }

    @Override
    public void saveChanged(List<Deal> changed) {
        if (changed.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    update deal d set name = v.name, account = v.account, owner_id = v.owner_id,
                           owner_name = v.owner_name, team_id = v.team_id, amount = v.amount, currency = v.currency,
                           stage_id = v.stage_id, segment_id = v.segment_id, persona_id = v.persona_id,
                           lead_source_id = v.lead_source_id, pitched_at = v.pitched_at,
                           pitched_term_months = v.pitched_term_months, competitor = v.competitor,
                           external_source = v.external_source, external_id = v.external_id, outcome = v.outcome,
                           closed_on = v.closed_on, updated_at = v.updated_at,
                           source_occurred_at = v.source_occurred_at, version = d.version + 1
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::uuid[], ?::numeric[], ?::text[],
                                ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::date[], ?::int[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::date[], ?::timestamptz[], ?::timestamptz[])
                         as v(id, name, account, owner_id, owner_name, team_id, amount, currency, stage_id, segment_id,
                              persona_id, lead_source_id, pitched_at, pitched_term_months, competitor, external_source,
                              external_id, outcome, closed_on, updated_at, source_occurred_at)
                    where d.id = v.id and d.workspace_id = ?""")) {
                int i = bindDealColumns(c, s, 1, changed);
                s.setArray(i++, timestamps(c, changed, d -> d.partnerSync() == null ? null : d.partnerSync().occurredAt()));
                s.setObject(i, changed.get(0).workspaceId().value());
                s.executeUpdate();
            }
            writeDependents(c, changed);
            return null;
        });
    }

    @Override
    public void saveSourceTimes(List<Deal> unchanged) {
        if (unchanged.isEmpty()) {
            return;
        }
        work(c -> Jdbc.update(c, """
                        update deal d set source_occurred_at = v.at
                        from unnest(?::uuid[], ?::timestamptz[]) as v(id, at)
                        where d.id = v.id and d.workspace_id = ?""",
                uuids(c, unchanged.stream().map(d -> d.id().value()).toList()),
                timestamps(c, unchanged, d -> d.partnerSync().occurredAt()),
                unchanged.get(0).workspaceId().value()));
    }

    /** Analyses (current and superseded), their reasons, new outcome changes and triage values of the deals. */
    private static void writeDependents(Connection c, List<Deal> deals) throws SQLException {
        UUID workspaceId = deals.get(0).workspaceId().value();
        List<UUID> dealIds = deals.stream().map(d -> d.id().value()).toList();
        List<AnalysisRow> analyses = new ArrayList<>();
        for (Deal deal : deals) {
            deal.supersededAnalyses().forEach(a -> analyses.add(new AnalysisRow(deal, a, false)));
            if (deal.lossAnalysis() != null) {
                analyses.add(new AnalysisRow(deal, deal.lossAnalysis(), true));
            }
        }
        List<UUID> currentIds = analyses.stream().filter(AnalysisRow::current).map(a -> a.analysis().id().value()).toList();
        Jdbc.update(c, """
                update loss_analysis set current = false
                where workspace_id = ? and deal_id = any(?) and current and not (id = any(?))""",
                workspaceId, uuids(c, dealIds), uuids(c, currentIds));
        if (!analyses.isEmpty()) {
            // superseded ones first: one current analysis per deal at any moment
            analyses.sort((a, b) -> Boolean.compare(a.current(), b.current()));
            writeAnalyses(c, workspaceId, analyses);
        }
        writeOutcomeChanges(c, workspaceId, deals);
        DealTriageRows.replace(c, workspaceId, deals);
    }

    private record AnalysisRow(Deal deal, LossAnalysis analysis, boolean current) {
    }

    private static void writeAnalyses(Connection c, UUID workspaceId, List<AnalysisRow> rows) throws SQLException {
        Jdbc.update(c, """
                insert into loss_analysis (id, workspace_id, deal_id, current, status, stage_lost_at_id, fit, competitor,
                                           what_happened, what_we_would_do_differently, partner_reason_text, source,
                                           created_at, updated_at)
                select v.id, ?, v.deal_id, v.current, v.status, v.stage_lost_at_id, v.fit, v.competitor, v.what_happened,
                       v.what_we_would_do_differently, v.partner_reason_text, v.source, v.created_at, v.updated_at
                from unnest(?::uuid[], ?::uuid[], ?::boolean[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])
                     with ordinality as v(id, deal_id, current, status, stage_lost_at_id, fit, competitor, what_happened,
                          what_we_would_do_differently, partner_reason_text, source, created_at, updated_at, n)
                order by v.n
                on conflict (id) do update set current = excluded.current, status = excluded.status,
                       stage_lost_at_id = excluded.stage_lost_at_id, fit = excluded.fit, competitor = excluded.competitor,
                       what_happened = excluded.what_happened,
                       what_we_would_do_differently = excluded.what_we_would_do_differently,
                       partner_reason_text = excluded.partner_reason_text, source = excluded.source,
                       updated_at = excluded.updated_at""",
                workspaceId,
                uuids(c, rows.stream().map(r -> r.analysis().id().value()).toList()),
                uuids(c, rows.stream().map(r -> r.deal().id().value()).toList()),
                c.createArrayOf("bool", rows.stream().map(AnalysisRow::current).toArray()),
                texts(c, rows, r -> r.analysis().status().name()),
                uuids(c, rows.stream().map(r -> uuid(r.analysis().stageLostAtId())).toList()),
                texts(c, rows, r -> r.analysis().fit() == null ? null : r.analysis().fit().name()),
                texts(c, rows, r -> r.analysis().competitor()),
                texts(c, rows, r -> r.analysis().whatHappened()),
                texts(c, rows, r -> r.analysis().whatWeWouldDoDifferently()),
                texts(c, rows, r -> r.analysis().partnerReasonText()),
                texts(c, rows, r -> r.analysis().source().name()),
                timestamps(c, rows, r -> r.analysis().createdAt()),
                timestamps(c, rows, r -> r.analysis().updatedAt()));
        List<UUID> analysisIds = rows.stream().map(r -> r.analysis().id().value()).toList();
        Jdbc.update(c, "delete from loss_analysis_reason where analysis_id = any(?)", uuids(c, analysisIds));
        List<UUID> reasonAnalysis = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<UUID> reasonIds = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<Boolean> controllable = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (AnalysisRow row : rows) {
            List<ReasonAssessment> reasons = new ArrayList<>();
            if (row.analysis().primaryReason() != null) {
                reasons.add(row.analysis().primaryReason());
            }
            reasons.addAll(row.analysis().contributingReasons());
            for (int p = 0; p < reasons.size(); p++) {
                reasonAnalysis.add(row.analysis().id().value());
                positions.add(p);
                reasonIds.add(reasons.get(p).reasonId().value());
                roles.add(p == 0 && row.analysis().primaryReason() != null ? "PRIMARY" : "CONTRIBUTING");
                controllable.add(reasons.get(p).controllable());
                notes.add(reasons.get(p).note());
            }
        }
        if (!reasonAnalysis.isEmpty()) {
            Jdbc.update(c, """
                    insert into loss_analysis_reason (analysis_id, position, workspace_id, reason_id, role, controllable, note)
                    select v.analysis_id, v.position, ?, v.reason_id, v.role, v.controllable, v.note
                    from unnest(?::uuid[], ?::int[], ?::uuid[], ?::text[], ?::boolean[], ?::text[])
                         as v(analysis_id, position, reason_id, role, controllable, note)""",
                    workspaceId, uuids(c, reasonAnalysis), c.createArrayOf("int4", positions.toArray()),
                    uuids(c, reasonIds), c.createArrayOf("text", roles.toArray()),
                    c.createArrayOf("bool", controllable.toArray()), c.createArrayOf("text", notes.toArray()));
        }
    }

    private static void writeOutcomeChanges(Connection c, UUID workspaceId, List<Deal> deals) throws SQLException {
        List<UUID> dealIds = new ArrayList<>();
        List<OutcomeChange> changes = new ArrayList<>();
        for (Deal deal : deals) {
            for (OutcomeChange change : deal.newOutcomeChanges()) {
                dealIds.add(deal.id().value());
                changes.add(change);
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        Jdbc.update(c, """
                insert into deal_outcome_change (id, workspace_id, deal_id, kind, outcome, closed_on, analysis_id, occurred_at)
                select v.id, ?, v.deal_id, v.kind, v.outcome, v.closed_on, v.analysis_id, v.occurred_at
                from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::uuid[], ?::timestamptz[])
                     as v(id, deal_id, kind, outcome, closed_on, analysis_id, occurred_at)""",
                workspaceId, uuids(c, changes.stream().map(OutcomeChange::id).toList()), uuids(c, dealIds),
                texts(c, changes, ch -> ch.kind().name()), texts(c, changes, ch -> ch.outcome().name()),
                texts(c, changes, ch -> ch.closedOn() == null ? null : ch.closedOn().toString()),
                uuids(c, changes.stream().map(ch -> ch.analysisId() == null ? null : ch.analysisId().value()).toList()),
                timestamps(c, changes, OutcomeChange::occurredAt));
    }

    /**
     * Savepoints in plain SQL: the pool's connection wrapper refuses JDBC's rollback(Savepoint) while the
     * connection is enlisted in the JTA transaction, and SQL's ROLLBACK TO SAVEPOINT is exactly what is meant.
     */
    @Override
    public <T> T inSavepoint(Supplier<T> work) {
        em.flush();
        String savepoint = "ingest_" + SAVEPOINTS.incrementAndGet();
        execute("savepoint " + savepoint);
        try {
            T result = work.get();
            execute("release savepoint " + savepoint);
            return result;
        } catch (RuntimeException e) {
            execute("rollback to savepoint " + savepoint);
            em.clear();
            SQLException refusal = sqlCause(e);
            if (refusal == null || refusal.getSQLState() == null || refusal.getSQLState().startsWith("40")) {
                throw e; // a bug, or a deadlock / serialization failure: the whole transaction fails
            }
            String constraint = refusal instanceof PSQLException psql && psql.getServerErrorMessage() != null
                    ? psql.getServerErrorMessage().getConstraint() : null;
            throw new RejectedByDatabase(constraint, refusal.getMessage(), e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong SAVEPOINTS = new java.util.concurrent.atomic.AtomicLong();

    private void execute(String sql) {
        em.unwrap(Session.class).doWork(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private <T> T work(Jdbc.Work<T> work) {
        return Jdbc.work(em, work);
    }

    private static java.sql.Array uuids(Connection c, List<UUID> values) throws SQLException {
        return c.createArrayOf("uuid", values.toArray());
    }

    private static java.sql.Array entryIds(Connection c, List<Deal> deals, Function<DealDetails, VocabularyEntryId> field)
            throws SQLException {
        return c.createArrayOf("uuid", deals.stream().map(d -> uuid(field.apply(d.details()))).toArray());
    }

    private static <T> java.sql.Array texts(Connection c, List<T> rows, Function<T, String> field) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(field).toArray());
    }

    private static <T> java.sql.Array timestamps(Connection c, List<T> rows, Function<T, Instant> field)
            throws SQLException {
        return c.createArrayOf("text", rows.stream().map(field).map(t -> t == null ? null : t.toString()).toArray());
    }

    private static UUID uuid(VocabularyEntryId id) {
        return id == null ? null : id.value();
    }
}
