package dev.debrief.adapter.persistence.deal;

import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The deal list as one SQL statement: filters ({@link DealFilterSql}), then keyset pagination on (sort value, id) with
 * nulls last, backed by the (workspace_id, column, id) indexes. Never OFFSET.
 */
@ApplicationScoped
class DealListQuery {

    @SuppressWarnings("unchecked")
    List<DealJpaEntity> page(EntityManager em, UUID workspaceId, DealFilter filter, DealSort sort, DealSort.Key after,
                             int limit) {
        StringBuilder sql = new StringBuilder("select d.* from deal d");
        Map<String, Object> params = new LinkedHashMap<>();
        DealFilterSql.where(sql, workspaceId, filter, value -> {
            String name = "f" + params.size();
            params.put(name, value);
            return ":" + name;
        });
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

    private static String column(DealSort.Field field) {
        return switch (field) {
            case CREATED_AT -> "d.created_at";
            case UPDATED_AT -> "d.updated_at";
            case CLOSED_ON -> "d.closed_on";
            case AMOUNT -> "d.amount";
            case NAME -> "(lower(d.name) collate \"C\")";
        };
    }
}
