package dev.debrief.application.port.in.deal;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;

import java.util.function.UnaryOperator;

public interface ReviseDealUseCase {

    /**
     * Applies {@code change} to the deal's current details under a row lock, after checking the
     * version the client saw. The change sees the current details (a merge patch applies to them).
     */
    Deal revise(Access access, DealId dealId, long expectedVersion, UnaryOperator<DealDetails> change);
}
