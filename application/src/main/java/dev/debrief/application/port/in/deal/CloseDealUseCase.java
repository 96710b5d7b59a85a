package dev.debrief.application.port.in.deal;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.LossAnalysisDraft;
import dev.debrief.domain.deal.Outcome;

import java.time.LocalDate;

public interface CloseDealUseCase {

    record CloseDealCommand(Access access, DealId dealId, long expectedVersion, Outcome outcome,
                            LocalDate closedOn, LossAnalysisDraft lossAnalysis) {
    }

    Deal close(CloseDealCommand command);
}
