package dev.debrief.application.service.activity;

import dev.debrief.application.port.in.activity.ActivitiesUseCase;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.activity.ActivityRepository;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealAccess;
import dev.debrief.domain.deal.DealId;
import dev.debrief.application.service.deal.DealQueryService;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.shared.StateConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The write side of activities. Each write locks the deal's row first: it orders the writes of one deal,
 * so the cap of {@link Activity#MAX_PER_DEAL} holds against concurrent adds and partner pushes, and it is
 * where the caller's right on the deal is checked (a REP writes only their own deals).
 */
@ApplicationScoped
@Transactional
public class ActivityService implements ActivitiesUseCase {

    static final String ACTIVITY = "activity";

    private final WorkspaceRepository workspaces;
    private final DealRepository deals;
    private final MemberRepository members;
    private final ActivityRepository activities;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public ActivityService(WorkspaceRepository workspaces, DealRepository deals, MemberRepository members,
                           ActivityRepository activities, Auditor audit, Clock clock) {
        this.workspaces = workspaces;
        this.deals = deals;
        this.members = members;
        this.activities = activities;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Activity add(Access access, DealId dealId, ActivityDraft draft) {
        Workspaces.require(workspaces, access.workspaceId());
        Deal deal = lockDeal(access, dealId);
        Instant now = clock.instant();
        Activity activity = Activity.record(access.workspaceId(), deal.id(), draft.type(), draft.direction(),
                draft.occurredAt(), draft.memberId(), draft.note(), null, now, "");
        if (draft.memberId() != null && members.findById(access.workspaceId(), draft.memberId()).isEmpty()) {
            throw new ReferenceNotFound("Member", draft.memberId(), "memberId");
        }
        int held = activities.countByDeal(access.workspaceId(), List.of(deal.id())).getOrDefault(deal.id(), 0);
        if (held >= Activity.MAX_PER_DEAL) {
            throw limitReached();
        }
        activities.add(activity);
        audit.record(access, ACTIVITY, activity.id(), "create", List.of("type", "direction", "occurredAt"));
        return activity;
    }

    @Override
    public void delete(Access access, DealId dealId, UUID activityId) {
        Workspaces.require(workspaces, access.workspaceId());
        Deal deal = lockDeal(access, dealId);
        Activity activity = activities.findById(access.workspaceId(), deal.id(), activityId)
                .orElseThrow(() -> notFound(activityId));
        activities.delete(activity, clock.instant());
        audit.record(access, ACTIVITY, activity.id(), "delete", List.of());
    }

    private Deal lockDeal(Access access, DealId dealId) {
        Deal deal = deals.lockById(access.workspaceId(), dealId).orElseThrow(() -> DealQueryService.notFound(dealId));
        DealAccess.requireMayWrite(access, deal);
        return deal;
    }

    public static StateConflict limitReached() {
        return new StateConflict("activity.limit-reached",
                "This deal already has " + Activity.MAX_PER_DEAL + " activities, the most one deal holds");
    }

    static NotFound notFound(UUID id) {
        return new NotFound("activity.not-found", "There is no activity " + id + " on this deal");
    }
}
