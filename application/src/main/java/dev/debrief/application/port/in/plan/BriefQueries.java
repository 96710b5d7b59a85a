package dev.debrief.application.port.in.plan;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.deal.DealId;

/** The brief before a call on an open deal. */
public interface BriefQueries {

    /** At most this many dos, the most endorsed. */
    int MAX_DOS = 20;

    /**
     * @throws dev.debrief.domain.shared.NotFound {@code deal.not-found}
     * @throws dev.debrief.domain.shared.StateConflict {@code brief.deal-not-open} for a closed deal
     */
    Brief brief(Access access, DealId dealId);
}
