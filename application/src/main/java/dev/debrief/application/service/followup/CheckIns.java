package dev.debrief.application.service.followup;

import dev.debrief.application.port.out.followup.FollowUpRepository;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ActorRef;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.followup.CheckInChange;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps each deal's check-in in step with the deal, in the transaction of the write that changed it:
 * closes, reopens, amended analyses, partner pushes and imports all come through here
 * ({@link CheckInChange}). Not a use case of its own; the deal use cases call it.
 */
@ApplicationScoped
public class CheckIns {

    private final FollowUpRepository followUps;
    private final Clock clock;

    @Inject
    public CheckIns(FollowUpRepository followUps, Clock clock) {
        this.followUps = followUps;
        this.clock = clock;
    }

    /** A deal as it was before a write (did it qualify for a check-in?) and as it is after. */
    public record Transition(boolean qualifiedBefore, Deal after) {
    }

    public void follow(Workspace workspace, Access access, List<Transition> transitions) {
        LocalDate today = workspace.today(clock.instant());
        List<FollowUp> scheduled = new ArrayList<>();
        List<DealId> cancelled = new ArrayList<>();
        for (Transition t : transitions) {
            switch (CheckInChange.between(t.qualifiedBefore(), t.after())) {
                case SCHEDULE -> FollowUp.checkInFor(t.after(), workspace.checkInPolicy(), today, clock.instant())
                        .ifPresent(scheduled::add);
                case CANCEL -> cancelled.add(t.after().id());
                case NONE -> { }
            }
        }
        if (!cancelled.isEmpty()) {
            followUps.cancelOpenCheckIns(workspace.id(), cancelled, FollowUp.NO_LONGER_QUALIFIES, ActorRef.of(access),
                    clock.instant());
        }
        if (!scheduled.isEmpty()) {
            followUps.addCheckIns(scheduled);
        }
    }

    public void follow(Workspace workspace, Access access, boolean qualifiedBefore, Deal after) {
        follow(workspace, access, List.of(new Transition(qualifiedBefore, after)));
    }
}
