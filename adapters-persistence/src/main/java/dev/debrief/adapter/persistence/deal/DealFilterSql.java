package dev.debrief.adapter.persistence.deal;

import dev.debrief.application.port.in.deal.DealFilter;

import java.util.Locale;
import java.util.function.Function;

/**
 * The deal filters as SQL conditions on the alias {@code d}, for every query that filters deals
 * (the list's keyset pages, the CSV export, the insights). Values are never inlined: {@code bind} registers a
 * value and returns its placeholder ({@code :name} for a Hibernate native query, {@code ?} for JDBC).
 */
public final class DealFilterSql {

    private DealFilterSql() {
    }

    /** Appends {@code d.workspace_id = …} and one {@code and …} per filter that is set. */
    public static void where(StringBuilder sql, Object workspaceId, DealFilter filter, Function<Object, String> bind) {
        sql.append(" where d.workspace_id = ").append(bind.apply(workspaceId));
        equal(sql, bind, "outcome", filter.outcome() == null ? null : filter.outcome().name());
        equal(sql, bind, "owner_id", filter.ownerId());
        equal(sql, bind, "team_id", filter.teamId() == null ? null : filter.teamId().value());
        equal(sql, bind, "stage_id", filter.stageId() == null ? null : filter.stageId().value());
        equal(sql, bind, "segment_id", filter.segmentId() == null ? null : filter.segmentId().value());
        equal(sql, bind, "persona_id", filter.personaId() == null ? null : filter.personaId().value());
        equal(sql, bind, "lead_source_id", filter.leadSourceId() == null ? null : filter.leadSourceId().value());
        if (filter.closedFrom() != null) {
            sql.append(" and d.closed_on >= ").append(bind.apply(filter.closedFrom()));
        }
        if (filter.closedTo() != null) {
            sql.append(" and d.closed_on <= ").append(bind.apply(filter.closedTo()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String pattern = "%" + likeEscaped(filter.q().strip().toLowerCase(Locale.ROOT)) + "%";
            sql.append(" and (lower(d.name) like ").append(bind.apply(pattern)).append(" escape '\\'")
                    .append(" or lower(d.account) like ").append(bind.apply(pattern)).append(" escape '\\')");
        }
        if (filter.triage() != null) {
            sql.append(filter.triage() ? " and" : " and not").append(" (exists (select 1 from deal_triage t where t.deal_id = d.id)"
                    + " or exists (select 1 from loss_analysis a where a.deal_id = d.id and a.current"
                    + " and a.status = 'PENDING_TRIAGE'))");
        }
    }

    private static void equal(StringBuilder sql, Function<Object, String> bind, String column, Object value) {
        if (value != null) {
            sql.append(" and d.").append(column).append(" = ").append(bind.apply(value));
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
