package dev.debrief.application.port.in.deal;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.LossAnalysisDraft;

public interface AmendLossAnalysisUseCase {

    Deal amend(Access access, DealId dealId, long expectedVersion, LossAnalysisDraft draft);
}
