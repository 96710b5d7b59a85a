package dev.debrief.application.port.in.deal;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;

public interface CreateDealUseCase {

    /** A REP who names no owner owns the new deal; a REP can't create one for someone else (403). */
    Deal create(Access access, DealDetails details);
}
