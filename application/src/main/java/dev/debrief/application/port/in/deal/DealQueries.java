package dev.debrief.application.port.in.deal;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.LossAnalysis;
import dev.debrief.domain.deal.OutcomeChange;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;

public interface DealQueries {

    int MAX_PAGE_SIZE = 100;

    /** @throws dev.debrief.domain.shared.NotFound {@code deal.not-found} */
    Deal get(WorkspaceId workspaceId, DealId dealId);

    /** A deal with the win-back deals opened from it, as of one moment. */
    record DealView(Deal deal, List<DealId> winBacks) {
    }

    /** {@link #get} and {@link #winBacks} of that deal at once. */
    DealView view(WorkspaceId workspaceId, DealId dealId);

    /** The win-back deals opened from each of these lost deals (absent: none). */
    java.util.Map<DealId, List<DealId>> winBacks(WorkspaceId workspaceId, java.util.Collection<DealId> dealIds);

    DealPage list(WorkspaceId workspaceId, DealFilter filter, DealSort sort, String cursor, int limit);

    /**
     * A LOST deal, whose {@code lossAnalysis()} is its current analysis.
     * @throws dev.debrief.domain.shared.NotFound {@code deal.not-found}, or {@code loss-analysis.not-found} when the deal is not LOST
     */
    Deal lostDeal(WorkspaceId workspaceId, DealId dealId);

    List<HistoryEntry> outcomeHistory(WorkspaceId workspaceId, DealId dealId);

    /**
     * One page of the deal's outcome history, oldest first: at most {@code limit} (1 to {@link #MAX_HISTORY_PAGE})
     * entries after the {@code cursor} of the previous page (null: from the first).
     * @throws dev.debrief.domain.shared.InvalidInput {@code page.limit-out-of-range}, {@code cursor.invalid}
     */
    HistoryPage outcomeHistory(WorkspaceId workspaceId, DealId dealId, String cursor, int limit);

    int MAX_HISTORY_PAGE = 100;

    /** A page of the history and the cursor of the next one (null on the last page). */
    record HistoryPage(List<HistoryEntry> items, String nextCursor) {
    }

    /** An outcome change with the analysis a LOST close carried (null otherwise). */
    record HistoryEntry(OutcomeChange change, LossAnalysis analysis) {
    }
}
