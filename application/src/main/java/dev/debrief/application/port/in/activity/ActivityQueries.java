package dev.debrief.application.port.in.activity;

import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.activity.ResponseTime;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;

/** Reading a deal's activities (newest first, keyset pages) and its response time. */
public interface ActivityQueries {

    int MAX_PAGE_SIZE = 100;

    /** Sorted by occurredAt, newest first, ties by id (descending). */
    ActivityPage list(WorkspaceId workspaceId, DealId dealId, String cursor, int limit);

    /** The deal's {@link ResponseTime}, from all its activities, and how many activities it has. */
    DealResponseTime responseTime(WorkspaceId workspaceId, DealId dealId);

    record ActivityPage(List<Activity> items, String nextCursor) {
    }

    record DealResponseTime(ResponseTime responseTime, int activities) {
    }
}
