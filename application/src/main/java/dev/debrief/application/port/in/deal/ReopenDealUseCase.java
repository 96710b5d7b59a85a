package dev.debrief.application.port.in.deal;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;

public interface ReopenDealUseCase {

    Deal reopen(Access access, DealId dealId, long expectedVersion);
}
