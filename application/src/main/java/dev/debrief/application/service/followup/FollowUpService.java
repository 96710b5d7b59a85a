package dev.debrief.application.service.followup;

import dev.debrief.application.port.in.followup.FollowUpQueries.Listed;
import dev.debrief.application.port.in.followup.FollowUpsUseCase;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.followup.FollowUpRepository;
import dev.debrief.application.port.out.lesson.LessonRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ActorRef;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.followup.CheckInOutcome;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.followup.FollowUpAccess;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The write side of follow-ups. Every write locks the row, checks who may write it (a REP the ones
 * assigned to them) and then the version the client saw (412). A check-in completed as REOPENED
 * opens the win-back deal in the same transaction.
 */
@ApplicationScoped
@Transactional
public class FollowUpService implements FollowUpsUseCase {

    private static final String FOLLOW_UP = "follow-up";

    private final WorkspaceRepository workspaces;
    private final FollowUpRepository followUps;
    private final MemberRepository members;
    private final DealRepository deals;
    private final LessonRepository lessons;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public FollowUpService(WorkspaceRepository workspaces, FollowUpRepository followUps, MemberRepository members,
                           DealRepository deals, LessonRepository lessons, Auditor audit, Clock clock) {
        this.workspaces = workspaces;
        this.followUps = followUps;
        this.members = members;
        this.deals = deals;
        this.lessons = lessons;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Listed createActionItem(Access access, ActionItemDraft draft, UUID debriefId) {
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        MemberId assignee = FollowUpAccess.assignee(access, draft.assigneeId());
        requireActiveMember(access, assignee);
        if (draft.dealId() != null && deals.findById(access.workspaceId(), draft.dealId()).isEmpty()) {
            throw new ReferenceNotFound("Deal", draft.dealId(), "dealId");
        }
        if (draft.lessonId() != null && lessons.findById(access.workspaceId(), draft.lessonId()).isEmpty()) {
            throw new ReferenceNotFound("Lesson", draft.lessonId(), "lessonId");
        }
        FollowUp item = FollowUp.actionItem(access.workspaceId(), draft.text(), assignee, draft.dueOn(), draft.dealId(),
                draft.lessonId(), debriefId, ActorRef.of(access), today(workspace), clock.instant());
        followUps.add(item);
        audit.record(access, FOLLOW_UP, item.id(), "create", List.of("text", "assigneeId", "dueOn"));
        return listed(item, workspace);
    }

    @Override
    public Listed revise(Access access, UUID followUpId, long expectedVersion, UnaryOperator<Revision> change) {
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        FollowUp followUp = lock(access, followUpId, expectedVersion);
        Revision before = new Revision(followUp.text(), followUp.assigneeId(), followUp.dueOn());
        Revision next = change.apply(before);
        MemberId assignee = next.assigneeId();
        if (!Objects.equals(assignee, before.assigneeId())) {
            assignee = FollowUpAccess.assignee(access, assignee);
            requireActiveMember(access, assignee);
        }
        followUp.revise(next.text(), assignee, next.dueOn(), today(workspace), clock.instant());
        followUps.update(followUp);
        audit.record(access, FOLLOW_UP, followUp.id(), "change", dev.debrief.domain.audit.Changes.of()
                .field("text", before.text(), followUp.text())
                .field("assigneeId", before.assigneeId(), followUp.assigneeId())
                .field("dueOn", before.dueOn(), followUp.dueOn()).changed());
        return reread(workspace, followUpId);
    }

    @Override
    public Listed complete(Access access, UUID followUpId, long expectedVersion, CheckInOutcome outcome, String note) {
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        FollowUp followUp = lock(access, followUpId, expectedVersion);
        followUp.complete(outcome, note, ActorRef.of(access), clock.instant());
        if (outcome == CheckInOutcome.REOPENED) {
            Deal lost = deals.lockById(access.workspaceId(), followUp.dealId())
                    .orElseThrow(() -> new NotFound("deal.not-found", "The check-in's deal no longer exists"));
            if (lost.outcome() != dev.debrief.domain.deal.Outcome.LOST) {
                throw new StateConflict("follow-up.deal-not-lost",
                        "The check-in's deal is " + lost.outcome() + " by now: only a lost deal is won back");
            }
            Deal winBack = deals.save(lost.winBack(clock.instant()));
            followUp.linkWinBack(winBack.id());
            audit.record(access, "deal", winBack.id().value(), "create", winBack.details().changedSince(null));
        }
        followUps.update(followUp);
        audit.record(access, FOLLOW_UP, followUp.id(), "complete", outcome == null
                ? List.of("status") : List.of("status", "outcome"));
        return reread(workspace, followUpId);
    }

    @Override
    public Listed cancel(Access access, UUID followUpId, long expectedVersion, String note) {
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        FollowUp followUp = lock(access, followUpId, expectedVersion);
        followUp.cancel(note, ActorRef.of(access), clock.instant());
        followUps.update(followUp);
        audit.record(access, FOLLOW_UP, followUp.id(), "cancel", List.of("status"));
        return reread(workspace, followUpId);
    }

    private FollowUp lock(Access access, UUID id, long expectedVersion) {
        FollowUp followUp = followUps.lockById(access.workspaceId(), id).orElseThrow(() -> notFound(id));
        FollowUpAccess.requireMayWrite(access, followUp);
        followUp.requireVersion(expectedVersion);
        return followUp;
    }

    /** The follow-up as the write stored it (with its new version). */
    private Listed reread(Workspace workspace, UUID id) {
        return listed(followUps.findById(workspace.id(), id).orElseThrow(() -> notFound(id)), workspace);
    }

    private Listed listed(FollowUp followUp, Workspace workspace) {
        LocalDate today = today(workspace);
        return new Listed(followUp, followUp.dueState(today), today);
    }

    private void requireActiveMember(Access access, MemberId id) {
        if (id == null) {
            throw new RuleViolation("value.required", "assigneeId is required: an API key names the member", "assigneeId");
        }
        Member member = members.findById(access.workspaceId(), id)
                .orElseThrow(() -> new ReferenceNotFound("Member", id, "assigneeId"));
        if (member.removedAt() != null) {
            throw new RuleViolation("follow-up.assignee-removed", member.displayName() + " was removed from the workspace",
                    "assigneeId");
        }
    }

    private LocalDate today(Workspace workspace) {
        return workspace.today(clock.instant());
    }

    public static NotFound notFound(UUID id) {
        return new NotFound("follow-up.not-found", "There is no follow-up " + id + " in this workspace");
    }
}
