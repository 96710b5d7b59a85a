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

    DealPage list(WorkspaceId workspaceId, DealFilter filter, DealSort sort, String cursor, int limit);

    /** The current loss analysis; @throws dev.debrief.domain.shared.NotFound when the deal is not LOST. */
    LossAnalysis lossAnalysis(WorkspaceId workspaceId, DealId dealId);

    List<HistoryEntry> outcomeHistory(WorkspaceId workspaceId, DealId dealId);

    /** An outcome change with the analysis a LOST close carried (null otherwise). */
    record HistoryEntry(OutcomeChange change, LossAnalysis analysis) {
    }
}
