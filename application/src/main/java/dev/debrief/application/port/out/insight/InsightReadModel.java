package dev.debrief.application.port.out.insight;

import dev.debrief.application.port.in.insight.InsightFilter;
import dev.debrief.application.port.in.insight.Insights.DealRef;
import dev.debrief.application.port.in.insight.Insights.GroupRef;
import dev.debrief.application.port.in.insight.Insights.Interval;
import dev.debrief.application.port.in.insight.Insights.IssueLevel;
import dev.debrief.application.port.in.insight.Insights.IssueSpread;
import dev.debrief.application.port.in.insight.Insights.RepeatLoss;
import dev.debrief.application.port.in.insight.LossGrouping;
import dev.debrief.domain.workspace.WorkspaceId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Aggregates over the closed deals of a workspace, computed by the database: every method answers rows
 * already counted (per group, currency or period), never deals to count. The filter's period is resolved.
 */
public interface InsightReadModel {

    /** Losses per group and currency (a null currency for deals without an amount). */
    List<GroupRow> groups(WorkspaceId workspaceId, InsightFilter filter, LossGrouping grouping);

    /** For REASON and REASON_CATEGORY: per group, the losses where the reason (or category) only contributed. */
    List<ContributingRow> contributing(WorkspaceId workspaceId, InsightFilter filter, LossGrouping grouping);

    /**
     * Closed deals per interval start and currency between {@code from} and {@code to} (both included), with
     * the filter's other conditions; loss measures are of the filter's loss outcome.
     */
    List<PeriodRow> periods(WorkspaceId workspaceId, InsightFilter filter, Interval interval, LocalDate from, LocalDate to);

    /** Per issue and team or owner (deals without one don't count): losses with the issue in any role, and as primary. */
    List<IssueRow> issues(WorkspaceId workspaceId, InsightFilter filter, IssueLevel level, IssueSpread across);

    /**
     * The newest {@code perIssue} losses of each of these issues (by reason id or category code), among the deals
     * {@link #issues} counts for them: those with a team or an owner, as {@code across} says.
     */
    Map<String, List<DealRef>> issueExamples(WorkspaceId workspaceId, InsightFilter filter, IssueLevel level,
                                             IssueSpread across, List<String> issueKeys, int perIssue);

    /** Accounts with two LOST or two NO_DECISION deals in the period, most lost first, at most {@code limit}. */
    List<RepeatLoss> repeatLosses(WorkspaceId workspaceId, InsightFilter filter, int perAccount, int limit);

    record GroupRow(GroupRef group, String currency, long deals, BigDecimal amount, long controllable, long undecided,
                    long wrongProspect) {
    }

    record ContributingRow(GroupRef group, long deals) {
    }

    record PeriodRow(LocalDate start, String currency, long lost, BigDecimal lostAmount, long controllable,
                     long wrongProspect, long won, long noDecision, long closed) {
    }

    /** {@code key}: the reason's id or the category's code, as {@link #issueExamples} takes it. */
    record IssueRow(String key, GroupRef issue, GroupRef group, long deals, long primaryDeals) {
    }
}
