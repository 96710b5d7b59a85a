package dev.debrief.application.port.in.deal;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.LossAnalysisDraft;
import dev.debrief.domain.workspace.WorkspaceId;

public interface AmendLossAnalysisUseCase {

    Deal amend(WorkspaceId workspaceId, DealId dealId, long expectedVersion, LossAnalysisDraft draft);
}
