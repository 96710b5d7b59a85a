package dev.debrief.application.service.insight;

import dev.debrief.application.port.in.insight.InsightFilter;
import dev.debrief.application.port.in.insight.InsightQueries;
import dev.debrief.application.port.in.insight.Insights.Amount;
import dev.debrief.application.port.in.insight.Insights.Control;
import dev.debrief.application.port.in.insight.Insights.DealRef;
import dev.debrief.application.port.in.insight.Insights.GroupFigures;
import dev.debrief.application.port.in.insight.Insights.GroupRef;
import dev.debrief.application.port.in.insight.Insights.Interval;
import dev.debrief.application.port.in.insight.Insights.IssueLevel;
import dev.debrief.application.port.in.insight.Insights.IssueSpread;
import dev.debrief.application.port.in.insight.Insights.LossBreakdown;
import dev.debrief.application.port.in.insight.Insights.PeriodFigures;
import dev.debrief.application.port.in.insight.Insights.RepeatLoss;
import dev.debrief.application.port.in.insight.Insights.RepeatLosses;
import dev.debrief.application.port.in.insight.Insights.RepeatingIssue;
import dev.debrief.application.port.in.insight.Insights.RepeatingIssues;
import dev.debrief.application.port.in.insight.Insights.Trend;
import dev.debrief.application.port.in.insight.Insights.TrendPeriod;
import dev.debrief.application.port.in.insight.LossGrouping;
import dev.debrief.application.port.out.insight.InsightReadModel;
import dev.debrief.application.port.out.insight.InsightReadModel.ContributingRow;
import dev.debrief.application.port.out.insight.InsightReadModel.GroupRow;
import dev.debrief.application.port.out.insight.InsightReadModel.IssueRow;
import dev.debrief.application.port.out.insight.InsightReadModel.PeriodRow;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The insights: resolves the period in the workspace's calendar, lets the database count, and puts the
 * counted rows together (per group over currencies, per period with its comparisons). Nothing here sees a deal.
 */
@ApplicationScoped
@Transactional
public class InsightQueryService implements InsightQueries {

    /** Example deals per repeating issue and per repeat-lost account. */
    public static final int EXAMPLES = 3;
    public static final int ACCOUNT_DEALS = 5;

    private final WorkspaceRepository workspaces;
    private final InsightReadModel readModel;
    private final Clock clock;

    @Inject
    public InsightQueryService(WorkspaceRepository workspaces, InsightReadModel readModel, Clock clock) {
        this.workspaces = workspaces;
        this.readModel = readModel;
        this.clock = clock;
    }

    @Override
    public LossBreakdown lossBreakdown(WorkspaceId workspaceId, InsightFilter filter, LossGrouping groupBy) {
        if (groupBy == LossGrouping.CLOSED_QUARTER) {
            throw new InvalidInput("query.invalid", "groupBy has an invalid value: 'closedQuarter'", "groupBy");
        }
        InsightFilter resolved = resolve(workspaceId, filter, DEFAULT_MONTHS);
        List<GroupRow> rows = readModel.groups(workspaceId, resolved, groupBy);
        List<ContributingRow> contributing = groupBy.byReason()
                ? readModel.contributing(workspaceId, resolved, groupBy) : List.of();
        List<GroupFigures> groups = figures(rows, contributing, groupBy.byReason());
        long total;
        List<Amount> totalAmounts;
        if (groupBy == LossGrouping.RISK_TAG) {
            // A deal with two tags is in two groups: the totals come from one grouping where it is in one.
            GroupFigures all = overall(workspaceId, resolved);
            total = all.lostDeals();
            totalAmounts = all.amounts();
        } else {
            total = groups.stream().mapToLong(GroupFigures::lostDeals).sum();
            totalAmounts = sumAmounts(groups.stream().flatMap(g -> g.amounts().stream()).toList());
        }
        boolean truncated = groups.size() > MAX_GROUPS;
        return new LossBreakdown(resolved.from(), resolved.to(), groupBy, groupBy.multiMembership(), total, totalAmounts,
                truncated ? groups.subList(0, MAX_GROUPS) : groups, truncated);
    }

    @Override
    public Trend trend(WorkspaceId workspaceId, InsightFilter filter, Interval interval) {
        InsightFilter asked = resolve(workspaceId, filter, DEFAULT_MONTHS);
        LocalDate from = periodStart(asked.from(), interval);
        LocalDate to = next(periodStart(asked.to(), interval), interval).minusDays(1);
        LocalDate earliest = yearEarlier(previous(from, interval), interval);
        earliest = earliest.isBefore(yearEarlier(from, interval)) ? earliest : yearEarlier(from, interval);
        Map<LocalDate, List<PeriodRow>> byStart = new TreeMap<>();
        for (PeriodRow row : readModel.periods(workspaceId, asked, interval, earliest, to)) {
            byStart.computeIfAbsent(row.start(), s -> new ArrayList<>()).add(row);
        }
        List<TrendPeriod> periods = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = next(start, interval)) {
            LocalDate previousStart = previous(start, interval);
            LocalDate yearEarlierStart = yearEarlier(start, interval);
            periods.add(new TrendPeriod(start, next(start, interval).minusDays(1), period(byStart.get(start)),
                    previousStart, period(byStart.get(previousStart)), yearEarlierStart, period(byStart.get(yearEarlierStart))));
        }
        return new Trend(from, to, interval, periods);
    }

    @Override
    public RepeatingIssues repeatingIssues(WorkspaceId workspaceId, InsightFilter filter, IssueLevel level,
                                           IssueSpread across, int minGroups, int limit) {
        InsightFilter resolved = resolve(workspaceId, filter, DEFAULT_MONTHS);
        Map<String, List<IssueRow>> byIssue = new LinkedHashMap<>();
        for (IssueRow row : readModel.issues(workspaceId, resolved, level, across)) {
            byIssue.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
        }
        record Ranked(String key, List<IssueRow> rows, long deals, long primary) {
        }
        List<Ranked> ranked = new ArrayList<>();
        byIssue.forEach((key, rows) -> {
            if (rows.size() >= minGroups) {
                // A deal has one team and one owner: summing over them counts each deal once.
                ranked.add(new Ranked(key, rows, rows.stream().mapToLong(IssueRow::deals).sum(),
                        rows.stream().mapToLong(IssueRow::primaryDeals).sum()));
            }
        });
        ranked.sort(Comparator.comparingInt((Ranked r) -> r.rows().size()).reversed()
                .thenComparing(Comparator.comparingLong(Ranked::deals).reversed())
                .thenComparing(r -> r.rows().get(0).issue().code()));
        boolean truncated = ranked.size() > limit;
        List<Ranked> shown = truncated ? ranked.subList(0, limit) : ranked;
        Map<String, List<DealRef>> examples = shown.isEmpty() ? Map.of()
                : readModel.issueExamples(workspaceId, resolved, level, across, shown.stream().map(Ranked::key).toList(), EXAMPLES);
        List<RepeatingIssue> issues = shown.stream().map(r -> new RepeatingIssue(r.rows().get(0).issue(),
                r.rows().stream().map(IssueRow::group).sorted(Comparator.comparing(GroupRef::name)).toList(),
                r.deals(), r.primary(), examples.getOrDefault(r.key(), List.of()))).toList();
        return new RepeatingIssues(resolved.from(), resolved.to(), level, across, minGroups, issues, truncated);
    }

    @Override
    public RepeatLosses repeatLosses(WorkspaceId workspaceId, InsightFilter filter, int limit) {
        InsightFilter resolved = resolve(workspaceId, filter, REPEAT_LOSS_MONTHS);
        List<RepeatLoss> accounts = readModel.repeatLosses(workspaceId, resolved, ACCOUNT_DEALS, limit + 1);
        boolean truncated = accounts.size() > limit;
        return new RepeatLosses(resolved.from(), resolved.to(), truncated ? accounts.subList(0, limit) : accounts, truncated);
    }

    @Override
    public Control control(WorkspaceId workspaceId, InsightFilter filter) {
        InsightFilter resolved = resolve(workspaceId, filter, DEFAULT_MONTHS);
        List<GroupFigures> teams = figures(readModel.groups(workspaceId, resolved, LossGrouping.TEAM), List.of(), false);
        return new Control(resolved.from(), resolved.to(), overall(teams), teams,
                figures(readModel.groups(workspaceId, resolved, LossGrouping.OWNER), List.of(), false),
                figures(readModel.groups(workspaceId, resolved, LossGrouping.CLOSED_QUARTER), List.of(), false).stream()
                        .sorted(Comparator.comparing(g -> g.group().code())).toList(),
                figures(readModel.groups(workspaceId, resolved, LossGrouping.RISK_TAG), List.of(), false));
    }

    /** All losses as one group: the team grouping puts every deal in exactly one group. */
    private GroupFigures overall(WorkspaceId workspaceId, InsightFilter resolved) {
        return overall(figures(readModel.groups(workspaceId, resolved, LossGrouping.TEAM), List.of(), false));
    }

    private static GroupFigures overall(List<GroupFigures> teams) {
        return new GroupFigures(new GroupRef(null, null, "All", false),
                teams.stream().mapToLong(GroupFigures::lostDeals).sum(),
                sumAmounts(teams.stream().flatMap(g -> g.amounts().stream()).toList()),
                teams.stream().mapToLong(GroupFigures::controllableDeals).sum(),
                teams.stream().mapToLong(GroupFigures::undecidedDeals).sum(),
                teams.stream().mapToLong(GroupFigures::wrongProspectDeals).sum(), null);
    }

    private InsightFilter resolve(WorkspaceId workspaceId, InsightFilter filter, int defaultMonths) {
        Workspace workspace = Workspaces.require(workspaces, workspaceId);
        LocalDate to = filter.to() == null ? workspace.today(clock.instant()) : filter.to();
        LocalDate from = filter.from() == null ? to.minusMonths(defaultMonths).plusDays(1) : filter.from();
        if (from.isAfter(to)) {
            throw new InvalidInput("query.invalid", "from " + from + " is after to " + to, "from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInput("query.invalid", "The period covers at most " + MAX_DAYS + " days", "from");
        }
        return filter.within(from, to);
    }

    /** Rows per (group, currency) into groups, largest first, the none group last. */
    private static List<GroupFigures> figures(List<GroupRow> rows, List<ContributingRow> contributing, boolean byReason) {
        Map<GroupRef, List<GroupRow>> byGroup = new LinkedHashMap<>();
        rows.forEach(r -> byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r));
        Map<GroupRef, Long> contributed = new HashMap<>();
        contributing.forEach(c -> {
            contributed.put(c.group(), c.deals());
            byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>());
        });
        List<GroupFigures> groups = new ArrayList<>();
        byGroup.forEach((group, list) -> groups.add(new GroupFigures(group,
                list.stream().mapToLong(GroupRow::deals).sum(),
                sumAmounts(list.stream().filter(r -> r.currency() != null).map(r -> new Amount(r.currency(), r.amount())).toList()),
                list.stream().mapToLong(GroupRow::controllable).sum(),
                list.stream().mapToLong(GroupRow::undecided).sum(),
                list.stream().mapToLong(GroupRow::wrongProspect).sum(),
                byReason ? contributed.getOrDefault(group, 0L) : null)));
        groups.sort(Comparator.comparing((GroupFigures g) -> g.group().none())
                .thenComparing(Comparator.comparingLong(GroupFigures::lostDeals).reversed())
                .thenComparing(Comparator.comparing((GroupFigures g) -> g.contributingDeals() == null ? 0L : g.contributingDeals()).reversed())
                .thenComparing(g -> g.group().name()));
        return groups;
    }

    private static PeriodFigures period(List<PeriodRow> rows) {
        if (rows == null) {
            return new PeriodFigures(0, List.of(), 0, 0, 0, 0, 0);
        }
        return new PeriodFigures(rows.stream().mapToLong(PeriodRow::lost).sum(),
                sumAmounts(rows.stream().filter(r -> r.currency() != null && r.lost() > 0)
                        .map(r -> new Amount(r.currency(), r.lostAmount())).toList()),
                rows.stream().mapToLong(PeriodRow::controllable).sum(),
                rows.stream().mapToLong(PeriodRow::wrongProspect).sum(),
                rows.stream().mapToLong(PeriodRow::won).sum(),
                rows.stream().mapToLong(PeriodRow::noDecision).sum(),
                rows.stream().mapToLong(PeriodRow::closed).sum());
    }

    /** Amounts per currency, in currency order. */
    static List<Amount> sumAmounts(List<Amount> amounts) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        amounts.forEach(a -> sums.merge(a.currency(), a.value() == null ? BigDecimal.ZERO : a.value(), BigDecimal::add));
        return sums.entrySet().stream().map(e -> new Amount(e.getKey(), e.getValue())).toList();
    }

    static LocalDate periodStart(LocalDate day, Interval interval) {
        return switch (interval) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
        };
    }

    static LocalDate next(LocalDate start, Interval interval) {
        return switch (interval) {
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }

    static LocalDate previous(LocalDate start, Interval interval) {
        return switch (interval) {
            case WEEK -> start.minusWeeks(1);
            case MONTH -> start.minusMonths(1);
            case QUARTER -> start.minusMonths(3);
        };
    }

    /** The same period a year earlier: 52 weeks earlier for a week (the same weekday), 12 months for the others. */
    static LocalDate yearEarlier(LocalDate start, Interval interval) {
        return interval == Interval.WEEK ? start.minusWeeks(52) : start.minusYears(1);
    }
}
