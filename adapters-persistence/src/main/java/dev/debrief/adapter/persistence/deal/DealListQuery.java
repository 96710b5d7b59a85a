package dev.debrief.adapter.persistence.deal;

import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The deal list as one SQL statement: filters, then keyset pagination on (sort value, id) with
 * nulls last, backed by the (workspace_id, column, id) indexes. Never OFFSET.
 */
@ApplicationScoped
class DealListQuery {

    @SuppressWarnings("unchecked")
    List<DealJpaEntity> page(EntityManager em, UUID workspaceId, DealFilter filter, DealSort sort, DealSort.Key after,
                             int limit) {
        StringBuilder sql = new StringBuilder("select d.* from deal d where d.workspace_id = :ws");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ws", workspaceId);
        equal(sql, params, "outcome", filter.outcome() == null ? null : filter.outcome().name());
        equal(sql, params, "owner_id", filter.ownerId());
        equal(sql, params, "team_id", filter.teamId() == null ? null : filter.teamId().value());
        equal(sql, params, "stage_id", filter.stageId() == null ? null : filter.stageId().value());
        equal(sql, params, "segment_id", filter.segmentId() == null ? null : filter.segmentId().value());
        equal(sql, params, "persona_id", filter.personaId() == null ? null : filter.personaId().value());
        equal(sql, params, "lead_source_id", filter.leadSourceId() == null ? null : filter.leadSourceId().value());
        if (filter.closedFrom() != null) {
            sql.append(" and d.closed_on >= :closedFrom");
            params.put("closedFrom", filter.closedFrom());
        }
        if (filter.closedTo() != null) {
            sql.append(" and d.closed_on <= :closedTo");
            params.put("closedTo", filter.closedTo());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            sql.append(" and (lower(d.name) like :q escape '\\' or lower(d.account) like :q escape '\\')");
            params.put("q", "%" + likeEscaped(filter.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.triage() != null) {
            sql.append(filter.triage() ? " and" : " and not").append(" (exists (select 1 from deal_triage t where t.deal_id = d.id)"
                    + " or exists (select 1 from loss_analysis a where a.deal_id = d.id and a.current"
                    + " and a.status = 'PENDING_TRIAGE'))");
        }
        String column = column(sort.field());
        String cmp = sort.descending() ? "<" : ">";
        if (after != null) {
            Object value = sort.parseValue(after.value());
            if (value == null) {
                sql.append(" and (").append(column).append(" is null and d.id ").append(cmp).append(" :afterId)");
            } else {
                sql.append(" and (").append(column).append(' ').append(cmp).append(" :afterValue")
                        .append(" or (").append(column).append(" = :afterValue and d.id ").append(cmp).append(" :afterId)")
                        .append(" or ").append(column).append(" is null)");
                params.put("afterValue", value);
            }
            params.put("afterId", after.id());
        }
        String direction = sort.descending() ? " desc" : " asc";
        sql.append(" order by ").append(column).append(direction).append(" nulls last, d.id").append(direction)
                .append(" limit :limit");
        params.put("limit", limit);

        Query query = em.createNativeQuery(sql.toString(), DealJpaEntity.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private static void equal(StringBuilder sql, Map<String, Object> params, String column, Object value) {
        if (value != null) {
            String name = column.replace("_", "");
            sql.append(" and d.").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private static String column(DealSort.Field field) {
        return switch (field) {
            case CREATED_AT -> "d.created_at";
            case UPDATED_AT -> "d.updated_at";
            case CLOSED_ON -> "d.closed_on";
            case AMOUNT -> "d.amount";
            case NAME -> "(lower(d.name) collate \"C\")";
        };
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
