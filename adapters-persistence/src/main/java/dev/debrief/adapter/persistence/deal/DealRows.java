package dev.debrief.adapter.persistence.deal;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.TriageField;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads whole deals in plain SQL, for the reads that only feed an answer: one row per deal with its current loss
 * analysis, that analysis's reasons and the deal's values waiting for triage (arrays); {@link #VIEW} adds the win-back
 * deals opened from it. {@link #JOINS} joins them to a set of deals named {@code d}; {@link #read} turns a row into
 * the domain through {@link DealMapper}, as the JPA reads do.
 */
final class DealRows {

    /** The select list: the deal's columns, its current analysis's, and the arrays. */
    static final String COLUMNS = """
            d.id, d.workspace_id, d.name, d.account, d.owner_id, d.owner_name, d.team_id, d.amount, d.currency,
            d.stage_id, d.segment_id, d.persona_id, d.lead_source_id, d.pitched_at, d.pitched_term_months,
            d.risk_tags, d.competitor, d.external_source, d.external_id, d.outcome, d.closed_on, d.win_back_of,
            d.created_at, d.updated_at, d.source_occurred_at, d.version,
            a.id as a_id, a.status as a_status, a.source as a_source, a.stage_lost_at_id as a_stage_lost_at_id,
            a.fit as a_fit, a.competitor as a_competitor, a.what_happened as a_what_happened,
            a.what_we_would_do_differently as a_what_we_would_do_differently,
            a.partner_reason_text as a_partner_reason_text, a.created_at as a_created_at, a.updated_at as a_updated_at,
            r.reason_ids, r.roles, r.controllable, r.notes, t.fields as triage_fields, t.raw_values as triage_values
            """;

    /**
     * What {@link #COLUMNS} reads from, after the deals {@code d} (a table or a subquery). Each part is a lateral
     * lookup by the deal's id (the {@code limit 1} keeps the planner from turning the analysis into a hash join over
     * every current analysis of the database), and a part that can't apply is skipped by a filter on the deal.
     */
    static final String JOINS = """
            left join lateral (
                select * from loss_analysis a where a.deal_id = d.id and a.workspace_id = d.workspace_id and a.current
                limit 1
            ) a on true
            left join lateral (
                select array_agg(ar.reason_id order by ar.position) as reason_ids,
                       array_agg(ar.role order by ar.position) as roles,
                       array_agg(ar.controllable order by ar.position) as controllable,
                       array_agg(ar.note order by ar.position) as notes
                from loss_analysis_reason ar where ar.analysis_id = a.id and a.id is not null
            ) r on true
            left join lateral (
                select array_agg(dt.field) as fields, array_agg(dt.raw_value) as raw_values
                from deal_triage dt
                where dt.deal_id = d.id and dt.workspace_id = d.workspace_id and d.source_occurred_at is not null
            ) t on true
            """;

    /** One deal of a workspace: parameters workspace id, deal id. */
    static final String BY_ID = "select " + COLUMNS + " from deal d " + JOINS + " where d.workspace_id = ? and d.id = ?";

    /** {@link #BY_ID} with the deal's win-backs ({@link #winBacks}): parameters workspace id, deal id. */
    static final String VIEW = "select " + COLUMNS + """
            , array(select w.id from deal w where w.workspace_id = d.workspace_id and w.win_back_of = d.id
                    order by w.created_at, w.id) as win_backs
            from deal d
            """ + JOINS + " where d.workspace_id = ? and d.id = ?";

    private DealRows() {
    }

    /** The deal on the result set's current row. */
    static Deal read(ResultSet rs) throws SQLException {
        DealJpaEntity d = new DealJpaEntity();
        d.id = rs.getObject("id", UUID.class);
        d.workspaceId = rs.getObject("workspace_id", UUID.class);
        d.name = rs.getString("name");
        d.account = rs.getString("account");
        d.ownerId = rs.getObject("owner_id", UUID.class);
        d.ownerName = rs.getString("owner_name");
        d.teamId = rs.getObject("team_id", UUID.class);
        d.amount = rs.getBigDecimal("amount");
        d.currency = rs.getString("currency");
        d.stageId = rs.getObject("stage_id", UUID.class);
        d.segmentId = rs.getObject("segment_id", UUID.class);
        d.personaId = rs.getObject("persona_id", UUID.class);
        d.leadSourceId = rs.getObject("lead_source_id", UUID.class);
        d.pitchedAt = rs.getObject("pitched_at", LocalDate.class);
        d.pitchedTermMonths = rs.getObject("pitched_term_months", Integer.class);
        d.riskTags = strings(rs.getArray("risk_tags"));
        d.competitor = rs.getString("competitor");
        d.externalSource = rs.getString("external_source");
        d.externalId = rs.getString("external_id");
        d.outcome = rs.getString("outcome");
        d.closedOn = rs.getObject("closed_on", LocalDate.class);
        d.winBackOf = rs.getObject("win_back_of", UUID.class);
        d.createdAt = instant(rs, "created_at");
        d.updatedAt = instant(rs, "updated_at");
        d.sourceOccurredAt = instant(rs, "source_occurred_at");
        d.version = rs.getLong("version");
        return DealMapper.toDomain(d, analysis(rs, d), triage(rs));
    }

    /** The win-back deals opened from the deal on the current row of {@link #VIEW}, oldest first. */
    static List<DealId> winBacks(ResultSet rs) throws SQLException {
        List<DealId> ids = new ArrayList<>();
        for (Object id : (Object[]) rs.getArray("win_backs").getArray()) {
            ids.add(new DealId((UUID) id));
        }
        return List.copyOf(ids);
    }

    private static LossAnalysisJpaEntity analysis(ResultSet rs, DealJpaEntity deal) throws SQLException {
        UUID id = rs.getObject("a_id", UUID.class);
        if (id == null) {
            return null;
        }
        LossAnalysisJpaEntity a = new LossAnalysisJpaEntity();
        a.id = id;
        a.workspaceId = deal.workspaceId;
        a.dealId = deal.id;
        a.current = true;
        a.status = rs.getString("a_status");
        a.source = rs.getString("a_source");
        a.stageLostAtId = rs.getObject("a_stage_lost_at_id", UUID.class);
        a.fit = rs.getString("a_fit");
        a.competitor = rs.getString("a_competitor");
        a.whatHappened = rs.getString("a_what_happened");
        a.whatWeWouldDoDifferently = rs.getString("a_what_we_would_do_differently");
        a.partnerReasonText = rs.getString("a_partner_reason_text");
        a.createdAt = instant(rs, "a_created_at");
        a.updatedAt = instant(rs, "a_updated_at");
        Array reasonIds = rs.getArray("reason_ids");
        if (reasonIds != null) {
            Object[] ids = (Object[]) reasonIds.getArray();
            Object[] roles = (Object[]) rs.getArray("roles").getArray();
            Object[] controllable = (Object[]) rs.getArray("controllable").getArray();
            Object[] notes = (Object[]) rs.getArray("notes").getArray();
            for (int i = 0; i < ids.length; i++) {
                AnalysisReasonEmbeddable reason = new AnalysisReasonEmbeddable();
                reason.workspaceId = deal.workspaceId;
                reason.reasonId = (UUID) ids[i];
                reason.role = (String) roles[i];
                reason.controllable = (Boolean) controllable[i];
                reason.note = (String) notes[i];
                a.reasons.add(reason);
            }
        }
        return a;
    }

    private static Map<TriageField, String> triage(ResultSet rs) throws SQLException {
        Array fields = rs.getArray("triage_fields");
        if (fields == null) {
            return Map.of();
        }
        Object[] names = (Object[]) fields.getArray();
        Object[] values = (Object[]) rs.getArray("triage_values").getArray();
        Map<TriageField, String> unresolved = new EnumMap<>(TriageField.class);
        for (int i = 0; i < names.length; i++) {
            unresolved.put(TriageField.valueOf((String) names[i]), (String) values[i]);
        }
        return unresolved;
    }

    private static String[] strings(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        String[] strings = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            strings[i] = (String) values[i];
        }
        return strings;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
