package dev.debrief.adapter.persistence.insight;

import dev.debrief.adapter.persistence.deal.DealFilterSql;
import dev.debrief.adapter.persistence.shared.Jdbc;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.insight.InsightFilter;
import dev.debrief.application.port.in.insight.Insights.DealRef;
import dev.debrief.application.port.in.insight.Insights.GroupRef;
import dev.debrief.application.port.in.insight.Insights.Interval;
import dev.debrief.application.port.in.insight.Insights.IssueLevel;
import dev.debrief.application.port.in.insight.Insights.IssueSpread;
import dev.debrief.application.port.in.insight.Insights.RepeatLoss;
import dev.debrief.application.port.in.insight.LossGrouping;
import dev.debrief.application.port.out.insight.InsightReadModel;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The insights as SQL, one statement per answer, grouped in PostgreSQL. Every statement starts from
 * {@code deal_insight d}, one narrow row per deal with its current analysis's stage, fit, competitor and
 * reasons (kept by triggers in the writing transaction, V15), restricted to the workspace and the
 * closed-date range (its {@code (workspace_id, closed_on)} index), with the deal filters written by
 * {@link DealFilterSql} (the list's and the export's code: the columns have the deal's names) and the
 * analysis filters added here. Names and categories are joined from their own small tables.
 */
@ApplicationScoped
public class JdbcInsightReadModel implements InsightReadModel {

    /** Each deal with what its current analysis says (V15). */
    static final String FROM = " from deal_insight d";
    /** Whom the deal was lost to: the analysis's competitor, else the deal's (trimmed; null when blank). */
    static final String COMPETITOR = "d.competitor";
    /** The deal's name and account, which only a few answers show. */
    private static final String NAMED = " join deal n on n.workspace_id = d.workspace_id and n.id = d.id";
    /** Every reason of the deal's current analysis, primary first (its primary may be null). */
    private static final String ALL_REASONS = "array_prepend(d.primary_reason_id, d.contributing_reason_ids)";
    /** The deal's primary reason. */
    private static final String PRIMARY_REASON = " left join loss_reason r on r.workspace_id = d.workspace_id and r.id = d.primary_reason_id";

    private final EntityManager em;

    @Inject
    JdbcInsightReadModel(EntityManager em) {
        this.em = em;
    }

    /** How a grouping reads: its joins, its id, code and name columns, and what it groups by. */
    private record Grouping(String joins, String id, String code, String name, String groupBy, String noneName) {
    }

    private static Grouping grouping(LossGrouping grouping) {
        return switch (grouping) {
            case REASON -> new Grouping(PRIMARY_REASON,
                    "r.id", "r.code", "r.name", "r.id, r.code, r.name", "No primary reason");
            case REASON_CATEGORY -> new Grouping(PRIMARY_REASON,
                    "null::uuid", "r.category", "r.category", "r.category", "No primary reason");
            case STAGE_LOST_AT -> vocabulary("d.stage_lost_at_id", "No stage lost at");
            case SEGMENT -> vocabulary("d.segment_id", "No segment");
            case PERSONA -> vocabulary("d.persona_id", "No persona");
            case TEAM -> vocabulary("d.team_id", "No team");
            case LEAD_SOURCE -> vocabulary("d.lead_source_id", "No lead source");
            case OWNER -> new Grouping(" left join member m on m.workspace_id = d.workspace_id and m.id = d.owner_id",
                    "m.id", "m.email", "m.display_name", "m.id, m.email, m.display_name", "No owner");
            case COMPETITOR -> new Grouping("", "null::uuid", "lower(" + COMPETITOR + ")",
                    "min(min(" + COMPETITOR + ")) over (partition by lower(" + COMPETITOR + "))", "lower(" + COMPETITOR + ")",
                    "No competitor");
            case RISK_TAG -> new Grouping(" cross join lateral unnest(case when cardinality(d.risk_tags) = 0"
                    + " then array[null]::varchar[] else d.risk_tags end) t(tag)", "null::uuid", "t.tag", "t.tag", "t.tag",
                    "No risk tag");
            case CLOSED_QUARTER -> new Grouping("", "null::uuid", "to_char(d.closed_on, 'YYYY-\"Q\"Q')",
                    "to_char(d.closed_on, 'YYYY-\"Q\"Q')", "to_char(d.closed_on, 'YYYY-\"Q\"Q')", "No quarter");
        };
    }

    private static Grouping vocabulary(String column, String noneName) {
        return new Grouping(" left join vocabulary_entry v on v.workspace_id = d.workspace_id and v.id = " + column,
                "v.id", "v.code", "v.name", "v.id, v.code, v.name", noneName);
    }

    @Override
    public List<GroupRow> groups(WorkspaceId workspaceId, InsightFilter filter, LossGrouping lossGrouping) {
        Grouping g = grouping(lossGrouping);
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ").append(g.id()).append(", ").append(g.code()).append(", ")
                .append(g.name()).append(", d.currency, count(*), sum(d.amount), count(*) filter (where d.controllable),")
                .append(" count(*) filter (where d.controllable is null), count(*) filter (where d.fit = 'WRONG_PROSPECT')")
                .append(FROM).append(g.joins());
        where(sql, args, workspaceId, filter);
        sql.append(" and d.outcome = '").append(filter.lossOutcome().name()).append("'");
        sql.append(" group by ").append(g.groupBy()).append(", d.currency");
        return query(sql.toString(), args, rs -> new GroupRow(ref(rs, lossGrouping, g.noneName()), rs.getString(4),
                rs.getLong(5), rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
    }

    @Override
    public List<ContributingRow> contributing(WorkspaceId workspaceId, InsightFilter filter, LossGrouping grouping) {
        boolean byReason = grouping == LossGrouping.REASON;
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select ")
                .append(byReason ? "r.id, r.code, r.name" : "null::uuid, r.category, r.category")
                .append(byReason ? ", count(*)" : ", count(distinct d.id)").append(FROM)
                .append(" cross join unnest(d.contributing_reason_ids) c(reason_id)")
                .append(" join loss_reason r on r.workspace_id = d.workspace_id and r.id = c.reason_id");
        where(sql, args, workspaceId, filter);
        sql.append(" and d.outcome = '").append(filter.lossOutcome().name()).append("'");
        sql.append(" group by ").append(byReason ? "r.id, r.code, r.name" : "r.category");
        return query(sql.toString(), args, rs -> new ContributingRow(ref(rs, grouping, ""), rs.getLong(4)));
    }

    /**
     * Per day and currency first (a date hashes cheaply, and a period is a few hundred of those rows), then per
     * period: {@code date_trunc} runs once per day instead of once per deal.
     */
    @Override
    public List<PeriodRow> periods(WorkspaceId workspaceId, InsightFilter filter, Interval interval, LocalDate from,
                                   LocalDate to) {
        String loss = "d.outcome = '" + filter.lossOutcome().name() + "'";
        List<Object> args = new ArrayList<>();
        StringBuilder daily = new StringBuilder("select d.closed_on, d.currency, count(*) filter (where ").append(loss)
                .append("), sum(d.amount) filter (where ").append(loss)
                .append("), count(*) filter (where ").append(loss).append(" and d.controllable)")
                .append(", count(*) filter (where ").append(loss).append(" and d.fit = 'WRONG_PROSPECT')")
                .append(", count(*) filter (where d.outcome = 'WON'), count(*) filter (where d.outcome = 'NO_DECISION'), count(*)")
                .append(FROM);
        where(daily, args, workspaceId, filter.within(from, to));
        daily.append(" and d.outcome <> 'OPEN' group by 1, 2");
        String sql = "select date_trunc('" + interval.name().toLowerCase(Locale.ROOT) + "', s.closed_on::timestamp)::date,"
                + " s.currency, sum(s.lost)::bigint, sum(s.lost_amount), sum(s.controllable)::bigint,"
                + " sum(s.wrong_prospect)::bigint, sum(s.won)::bigint, sum(s.no_decision)::bigint, sum(s.closed)::bigint"
                + " from (" + daily + ") s(closed_on, currency, lost, lost_amount, controllable, wrong_prospect, won,"
                + " no_decision, closed) group by 1, 2";
        return query(sql, args, rs -> new PeriodRow(rs.getObject(1, LocalDate.class), rs.getString(2),
                rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
    }

    /**
     * The issues per team or owner, counted from {@code deal_insight} alone with one row per reason of each
     * deal's current analysis (primary and contributing, {@code x.reason_id}); the names of the few groups
     * that come out are joined afterwards, so no row of the period is joined to a name. A reason is in an
     * analysis at most once ({@code loss_analysis_reason_uq}), so per reason a row is a deal and
     * {@code count(*)} counts deals; per category two reasons of one deal may meet, so that counts distinct deals.
     */
    @Override
    public List<IssueRow> issues(WorkspaceId workspaceId, InsightFilter filter, IssueLevel level, IssueSpread across) {
        boolean byReason = level == IssueLevel.REASON;
        boolean byTeam = across == IssueSpread.TEAM;
        String group = groupColumn(across);
        List<Object> args = new ArrayList<>();
        StringBuilder counted = new StringBuilder("select ").append(byReason ? "x.reason_id" : "r.category")
                .append(" issue, ").append(group).append(" group_id, ")
                .append(byReason ? "count(*), count(*) filter (where x.reason_id = d.primary_reason_id)"
                        : "count(distinct d.id), count(distinct d.id) filter (where x.reason_id = d.primary_reason_id)")
                .append(FROM)
                .append(" cross join unnest(").append(ALL_REASONS).append(") x(reason_id)");
        if (!byReason) {
            counted.append(" join loss_reason r on r.workspace_id = d.workspace_id and r.id = x.reason_id");
        }
        where(counted, args, workspaceId, filter);
        counted.append(" and d.outcome = '").append(filter.lossOutcome().name()).append("' and ").append(group)
                .append(" is not null group by 1, 2");
        StringBuilder sql = new StringBuilder("select ")
                .append(byReason ? "r.id::text, r.id, r.code, r.name" : "c.issue, null::uuid, c.issue, c.issue")
                .append(byTeam ? ", g.id, g.code, g.name" : ", g.id, g.email, g.display_name")
                .append(", c.count, c.primary_count from (").append(counted).append(") c(issue, group_id, count, primary_count)")
                .append(byTeam ? " join vocabulary_entry g" : " join member g").append(" on g.workspace_id = ? and g.id = c.group_id");
        args.add(workspaceId.value());
        if (byReason) {
            sql.append(" join loss_reason r on r.workspace_id = ? and r.id = c.issue");
            args.add(workspaceId.value());
        }
        LossGrouping issueGrouping = byReason ? LossGrouping.REASON : LossGrouping.REASON_CATEGORY;
        return query(sql.toString(), args, rs -> new IssueRow(rs.getString(1),
                new GroupRef(rs.getObject(2, UUID.class), rs.getString(3), name(issueGrouping, rs.getString(4)), false),
                new GroupRef(rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), false),
                rs.getLong(8), rs.getLong(9)));
    }

    private static String groupColumn(IssueSpread across) {
        return across == IssueSpread.TEAM ? "d.team_id" : "d.owner_id";
    }

    /**
     * The latest losses of each issue: per issue, its reasons (one, or every reason of the category), then the
     * period's losses that cite any of them, newest first, read backwards along the covering
     * {@code (workspace_id, closed_on)} index until {@code perIssue} with a team (an owner) are found; only those are joined to
     * {@code deal} for their names.
     */
    @Override
    public Map<String, List<DealRef>> issueExamples(WorkspaceId workspaceId, InsightFilter filter, IssueLevel level,
                                                    IssueSpread across, List<String> issueKeys, int perIssue) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(level == IssueLevel.REASON
                ? "select k.key, e.id, n.name, e.closed_on from (select r.id::text, array[r.id] from loss_reason r"
                + " where r.workspace_id = ? and r.id::text = any(?)) k(key, reason_ids)"
                : "select k.key, e.id, n.name, e.closed_on from (select r.category, array_agg(r.id) from loss_reason r"
                + " where r.workspace_id = ? and r.category = any(?) group by r.category) k(key, reason_ids)");
        args.add(workspaceId.value());
        args.add(new TextArray(issueKeys));
        sql.append(" cross join lateral (select d.id, d.closed_on").append(FROM);
        where(sql, args, workspaceId, filter);
        sql.append(" and d.outcome = '").append(filter.lossOutcome().name()).append("' and ")
                .append(groupColumn(across)).append(" is not null")
                .append(" and ").append(ALL_REASONS).append(" && k.reason_ids")
                .append(" order by d.closed_on desc, d.id limit ").append(perIssue).append(") e")
                .append(" join deal n on n.workspace_id = ? and n.id = e.id order by k.key, e.closed_on desc, e.id");
        args.add(workspaceId.value());
        Map<String, List<DealRef>> examples = new LinkedHashMap<>();
        query(sql.toString(), args, rs -> examples.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new DealRef(rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, LocalDate.class))));
        return examples;
    }

    @Override
    public List<RepeatLoss> repeatLosses(WorkspaceId workspaceId, InsightFilter filter, int perAccount, int limit) {
        List<Object> args = new ArrayList<>();
        String order = " order by d.closed_on desc, d.id) ";
        StringBuilder sql = new StringBuilder("select min(btrim(n.account)), count(*) filter (where d.outcome = 'LOST'),")
                .append(" count(*) filter (where d.outcome = 'NO_DECISION'), max(d.closed_on),")
                .append(" (array_agg(d.id::text").append(order).append(")[1:").append(perAccount).append("],")
                .append(" (array_agg(n.name").append(order).append(")[1:").append(perAccount).append("],")
                .append(" (array_agg(d.closed_on::text").append(order).append(")[1:").append(perAccount).append("]")
                .append(FROM).append(NAMED);
        where(sql, args, workspaceId, filter);
        sql.append(filter.outcome() == null ? " and d.outcome in ('LOST', 'NO_DECISION')"
                : " and d.outcome = '" + filter.outcome().name() + "'");
        sql.append(" and nullif(btrim(n.account), '') is not null group by lower(btrim(n.account))")
                .append(" having count(*) filter (where d.outcome = 'LOST') >= 2 or count(*) filter (where d.outcome = 'NO_DECISION') >= 2")
                .append(" order by 2 desc, 3 desc, 4 desc, 1 limit ").append(limit);
        return query(sql.toString(), args, rs -> {
            String[] ids = (String[]) rs.getArray(5).getArray();
            String[] names = (String[]) rs.getArray(6).getArray();
            String[] dates = (String[]) rs.getArray(7).getArray();
            List<DealRef> deals = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) {
                deals.add(new DealRef(UUID.fromString(ids[i]), names[i], LocalDate.parse(dates[i])));
            }
            return new RepeatLoss(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class), deals);
        });
    }

    /** The workspace, the period and the deal filters (DealFilterSql), then the analysis's. */
    private static void where(StringBuilder sql, List<Object> args, WorkspaceId workspaceId, InsightFilter filter) {
        DealFilter deals = new DealFilter(null, filter.ownerId(), filter.teamId(), null, filter.segmentId(),
                filter.personaId(), filter.leadSourceId(), filter.from(), filter.to(), null, null);
        DealFilterSql.where(sql, workspaceId.value(), deals, value -> {
            args.add(value);
            return "?";
        });
        if (filter.stageLostAtId() != null) {
            sql.append(" and d.stage_lost_at_id = ?");
            args.add(filter.stageLostAtId().value());
        }
        if (filter.competitor() != null) {
            sql.append(" and lower(").append(COMPETITOR).append(") = lower(?)");
            args.add(filter.competitor());
        }
        if (filter.riskTag() != null) {
            sql.append(" and ?::varchar = any(d.risk_tags)");
            args.add(filter.riskTag().name());
        }
    }

    private static GroupRef ref(ResultSet rs, LossGrouping grouping, String noneName) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        String code = rs.getString(2);
        if (id == null && code == null) {
            return new GroupRef(null, null, noneName, true);
        }
        return new GroupRef(id, code, name(grouping, rs.getString(3)), false);
    }

    /** Categories and risk tags are codes; they read as words ("VALUE_VS_COST": "Value vs cost"). */
    static String name(LossGrouping grouping, String name) {
        if (grouping != LossGrouping.REASON_CATEGORY && grouping != LossGrouping.RISK_TAG) {
            return name;
        }
        String words = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A list of texts bound as a text[]. */
    private record TextArray(List<String> values) {
    }

    private <T> List<T> query(String sql, List<Object> args, Jdbc.RowReader<T> reader) {
        return Jdbc.flushedWork(em, c -> {
            Object[] parameters = new Object[args.size()];
            for (int i = 0; i < parameters.length; i++) {
                parameters[i] = args.get(i) instanceof TextArray texts ? c.createArrayOf("text", texts.values().toArray())
                        : args.get(i);
            }
            return Jdbc.query(c, sql, reader, parameters);
        });
    }
}
