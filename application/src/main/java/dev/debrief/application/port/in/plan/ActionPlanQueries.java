package dev.debrief.application.port.in.plan;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;

import java.time.LocalDate;

/** Reading a member's action plan: the member themself, or anyone with READ who isn't a REP. */
public interface ActionPlanQueries {

    /** At most this many dos per open deal. */
    int DOS_PER_DEAL = 5;

    /**
     * The plan for {@code date}, or for tomorrow in the workspace's time zone when it is null.
     *
     * @throws dev.debrief.domain.shared.Forbidden a REP asking for someone else's plan
     * @throws dev.debrief.domain.shared.NotFound {@code member.not-found}
     */
    ActionPlan plan(Access access, MemberId memberId, LocalDate date);
}
