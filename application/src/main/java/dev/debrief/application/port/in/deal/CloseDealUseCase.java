package dev.debrief.application.port.in.deal;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.LossAnalysisDraft;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.LocalDate;

public interface CloseDealUseCase {

    record CloseDealCommand(WorkspaceId workspaceId, DealId dealId, long expectedVersion, Outcome outcome,
                            LocalDate closedOn, LossAnalysisDraft lossAnalysis) {
    }

    Deal close(CloseDealCommand command);
}
