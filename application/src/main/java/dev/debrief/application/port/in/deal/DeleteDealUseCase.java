package dev.debrief.application.port.in.deal;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.deal.DealId;

public interface DeleteDealUseCase {

    void delete(Access access, DealId dealId, long expectedVersion);
}
