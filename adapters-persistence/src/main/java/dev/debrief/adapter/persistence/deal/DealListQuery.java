package dev.debrief.adapter.persistence.deal;

import dev.debrief.adapter.persistence.shared.Jdbc;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.domain.deal.Deal;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deal list as one SQL statement: filters ({@link DealFilterSql}), then keyset pagination on (sort value, id) with
 * nulls last, backed by the (workspace_id, column, id) indexes. Never OFFSET.
 * <p>
 * Each statement is written so that PostgreSQL reads the index in order and stops after one page, never sorting the
 * workspace: a column that is never null sorts without a NULLS clause (a backward scan gives {@code desc}, a forward
 * one {@code asc}); a nullable column ascending is the index's own order ({@code asc nulls last}); a nullable column
 * descending with nulls last is no scan of that index, so it is two: the non-null values backwards, then the nulls by
 * id ({@code union all}, each part at most a page, ordered again over those few rows).
 */
@ApplicationScoped
class DealListQuery {

    /** One page of whole deals ({@link DealRows}), read on {@code c}. */
    List<Deal> page(Connection c, UUID workspaceId, DealFilter filter, DealSort sort, DealSort.Key after, int limit)
            throws SQLException {
        Map<String, Object> params = new LinkedHashMap<>();
        String column = column(sort.field());
        boolean descending = sort.descending();
        String direction = descending ? " desc" : " asc";
        String cmp = descending ? "<" : ">";
        Object afterValue = after == null ? null : sort.parseValue(after.value());
        boolean afterInNulls = after != null && afterValue == null; // the previous page ended among the nulls
        if (after != null) {
            params.put("afterId", after.id());
            if (afterValue != null) {
                params.put("afterValue", afterValue);
            }
        }
        params.put("limit", limit);
        // the page's order, stated once: the statement's own, and again over the page's rows after the joins
        String order = nullable(sort.field()) && descending
                ? column + " is null, " + column + " desc, d.id desc"
                : column + direction + (nullable(sort.field()) ? " nulls last" : "") + ", d.id" + direction;
        String sql;
        if (nullable(sort.field()) && descending) {
            String nonNull = afterInNulls ? null
                    : filtered(workspaceId, filter, params) + " and " + column + " is not null"
                    + (afterValue == null ? "" : " and (" + column + " < :afterValue or (" + column
                    + " = :afterValue and d.id < :afterId))")
                    + " order by " + column + " desc, d.id desc limit :limit";
            String nulls = filtered(workspaceId, filter, params) + " and " + column + " is null"
                    + (afterInNulls ? " and d.id < :afterId" : "")
                    + " order by d.id desc limit :limit";
            // the outer order makes the page's order the statement's, not the union's (a parallel append may interleave)
            sql = nonNull == null ? nulls : "select u.* from ((" + nonNull + ") union all (" + nulls + ")) u order by "
                    + order.replace("d.", "u.") + " limit :limit";
        } else {
            StringBuilder one = new StringBuilder(filtered(workspaceId, filter, params));
            if (afterInNulls) {
                one.append(" and (").append(column).append(" is null and d.id ").append(cmp).append(" :afterId)");
            } else if (after != null) {
                one.append(" and (").append(column).append(' ').append(cmp).append(" :afterValue")
                        .append(" or (").append(column).append(" = :afterValue and d.id ").append(cmp).append(" :afterId)")
                        .append(nullable(sort.field()) ? " or " + column + " is null)" : ")");
            }
            one.append(" order by ").append(order).append(" limit :limit");
            sql = one.toString();
        }
        // the page's deals, then each with its analysis, reasons and triage, in the page's order again
        List<Object> values = new ArrayList<>();
        Matcher name = PARAMETER.matcher("select " + DealRows.COLUMNS + " from (" + sql + ") d " + DealRows.JOINS
                + " order by " + order);
        StringBuilder positional = new StringBuilder();
        while (name.find()) {
            values.add(params.get(name.group(1)));
            name.appendReplacement(positional, "?");
        }
        name.appendTail(positional);
        return Jdbc.query(c, positional.toString(), DealRows::read, values.toArray());
    }

    /** A named parameter ({@code :afterId}), not a cast ({@code ::uuid}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");

    /** {@code select d.* from deal d where} the workspace and the filters, their values added to {@code params}. */
    private static String filtered(UUID workspaceId, DealFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("select d.* from deal d");
        DealFilterSql.where(sql, workspaceId, filter, value -> {
            String name = "f" + params.size();
            params.put(name, value);
            return ":" + name;
        });
        return sql.toString();
    }

    private static boolean nullable(DealSort.Field field) {
        return field == DealSort.Field.CLOSED_ON || field == DealSort.Field.AMOUNT;
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
