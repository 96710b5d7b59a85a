package dev.debrief.adapter.persistence.deal;

import dev.debrief.application.port.in.deal.DealExportRow;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.out.deal.DealExportReader;
import dev.debrief.domain.deal.RiskTag;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The export as one SQL statement on the transaction's own connection, read through a server-side
 * cursor: with autocommit off (the JTA transaction) and a forward-only result set, PostgreSQL's
 * driver fetches {@value #FETCH_SIZE} rows at a time instead of the whole result, so the heap holds
 * one batch whatever the workspace's size. The deal filters are the list's ({@link DealFilterSql}).
 */
@ApplicationScoped
class JdbcDealExportReader implements DealExportReader {

    static final int FETCH_SIZE = 1_000;

    private static final String SELECT = """
            select d.id, d.external_source, d.external_id, d.source_occurred_at, d.name, d.account, m.email,
                   d.amount, d.currency, team.code, stage.code, segment.code, persona.code, lead_source.code,
                   d.pitched_at, d.pitched_term_months, d.risk_tags, d.competitor, d.outcome, d.closed_on,
                   a.status, a.source, r.primary_reason, r.primary_controllable, r.contributing_reasons,
                   r.contributing_controllable, stage_lost_at.code, a.fit, a.competitor, a.what_happened,
                   a.what_we_would_do_differently, a.partner_reason_text, d.created_at, d.updated_at
            from deal d
            left join member m on m.workspace_id = d.workspace_id and m.id = d.owner_id
            left join vocabulary_entry team on team.workspace_id = d.workspace_id and team.id = d.team_id
            left join vocabulary_entry stage on stage.workspace_id = d.workspace_id and stage.id = d.stage_id
            left join vocabulary_entry segment on segment.workspace_id = d.workspace_id and segment.id = d.segment_id
            left join vocabulary_entry persona on persona.workspace_id = d.workspace_id and persona.id = d.persona_id
            left join vocabulary_entry lead_source on lead_source.workspace_id = d.workspace_id and lead_source.id = d.lead_source_id
            left join loss_analysis a on a.deal_id = d.id and a.current
            left join vocabulary_entry stage_lost_at on stage_lost_at.workspace_id = a.workspace_id and stage_lost_at.id = a.stage_lost_at_id
            left join lateral (
                select (array_agg(lr.code) filter (where ar.role = 'PRIMARY'))[1] as primary_reason,
                       (array_agg(ar.controllable) filter (where ar.role = 'PRIMARY'))[1] as primary_controllable,
                       array_agg(lr.code order by ar.position) filter (where ar.role = 'CONTRIBUTING') as contributing_reasons,
                       array_agg(ar.controllable order by ar.position) filter (where ar.role = 'CONTRIBUTING') as contributing_controllable
                from loss_analysis_reason ar
                join loss_reason lr on lr.workspace_id = ar.workspace_id and lr.id = ar.reason_id
                where ar.analysis_id = a.id
            ) r on a.id is not null
            """;

    private final EntityManager em;

    @Inject
    JdbcDealExportReader(DealPanacheRepository deals) {
        this.em = deals.getEntityManager();
    }

    @Override
    public void forEach(WorkspaceId workspaceId, DealFilter filter, Consumer<DealExportRow> rows) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>();
        DealFilterSql.where(sql, workspaceId.value(), filter, value -> {
            params.add(value);
            return "?";
        });
        sql.append(" order by d.created_at, d.id");
        em.unwrap(Session.class).doWork(c -> {
            try (Statement readOnly = c.createStatement()) {
                readOnly.execute("set transaction read only");
            }
            try (PreparedStatement s = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.size(); i++) {
                    s.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.accept(row(rs));
                    }
                }
            }
        });
    }

    private static DealExportRow row(ResultSet rs) throws SQLException {
        return new DealExportRow(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), instant(rs, 4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getObject(15, LocalDate.class), rs.getObject(16, Integer.class), riskTags(rs.getArray(17)),
                rs.getString(18), rs.getString(19), rs.getObject(20, LocalDate.class),
                rs.getString(21), rs.getString(22), rs.getString(23), (Boolean) rs.getObject(24),
                list(rs.getArray(25), String.class), list(rs.getArray(26), Boolean.class),
                rs.getString(27), rs.getString(28), rs.getString(29), rs.getString(30), rs.getString(31),
                rs.getString(32), instant(rs, 33), instant(rs, 34));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Set<RiskTag> riskTags(Array array) throws SQLException {
        Set<RiskTag> tags = EnumSet.noneOf(RiskTag.class);
        if (array != null) {
            for (Object tag : (Object[]) array.getArray()) {
                tags.add(RiskTag.valueOf((String) tag));
            }
        }
        return tags;
    }

    private static <T> List<T> list(Array array, Class<T> type) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<T> list = new ArrayList<>(values.length);
        for (Object value : values) {
            list.add(type.cast(value));
        }
        return Collections.unmodifiableList(list);
    }
}
