package dev.debrief.application.port.in.insight;

import dev.debrief.application.port.in.insight.Insights.Control;
import dev.debrief.application.port.in.insight.Insights.Interval;
import dev.debrief.application.port.in.insight.Insights.IssueLevel;
import dev.debrief.application.port.in.insight.Insights.IssueSpread;
import dev.debrief.application.port.in.insight.Insights.LossBreakdown;
import dev.debrief.application.port.in.insight.Insights.RepeatLosses;
import dev.debrief.application.port.in.insight.Insights.RepeatingIssues;
import dev.debrief.application.port.in.insight.Insights.Trend;
import dev.debrief.domain.workspace.WorkspaceId;

/**
 * What the recorded outcomes add up to, over closed deals of one workspace: every insight counts in the
 * database. A null {@code from}/{@code to} takes the default period (see {@link #DEFAULT_MONTHS}).
 *
 * @throws dev.debrief.domain.shared.NotFound {@code workspace.not-found} from every method
 * @throws dev.debrief.domain.shared.InvalidInput {@code query.invalid} for a period that ends before it
 *         starts or spans more than {@link #MAX_DAYS} days
 */
public interface InsightQueries {

    /** The default period: the 12 months up to today in the workspace's time zone (repeat losses: 24). */
    int DEFAULT_MONTHS = 12;
    int REPEAT_LOSS_MONTHS = 24;
    /** The longest period an insight covers at once (about ten years). */
    long MAX_DAYS = 3660;
    /** The most groups a breakdown answers (the largest kinds: members and competitors). */
    int MAX_GROUPS = 1000;

    LossBreakdown lossBreakdown(WorkspaceId workspaceId, InsightFilter filter, LossGrouping groupBy);

    /** The period is widened to whole intervals (weeks from Monday, months, quarters). */
    Trend trend(WorkspaceId workspaceId, InsightFilter filter, Interval interval);

    RepeatingIssues repeatingIssues(WorkspaceId workspaceId, InsightFilter filter, IssueLevel level, IssueSpread across,
                                    int minGroups, int limit);

    RepeatLosses repeatLosses(WorkspaceId workspaceId, InsightFilter filter, int limit);

    Control control(WorkspaceId workspaceId, InsightFilter filter);
}
