package dev.debrief.application.service.debrief;

import dev.debrief.application.port.in.debrief.DebriefsUseCase;
import dev.debrief.application.port.in.followup.FollowUpsUseCase;
import dev.debrief.application.port.in.followup.FollowUpsUseCase.ActionItemDraft;
import dev.debrief.application.port.in.lesson.LessonDraft;
import dev.debrief.application.port.in.lesson.LessonsUseCase;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.debrief.DebriefRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealAccess;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.debrief.Debrief;
import dev.debrief.domain.shared.DomainException;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Debriefs: who may debrief a deal is who may write it (a REP their own deals, managers any). */
@ApplicationScoped
@Transactional
public class DebriefService implements DebriefsUseCase {

    private final WorkspaceRepository workspaces;
    private final DealRepository deals;
    private final MemberRepository members;
    private final DebriefRepository debriefs;
    private final LessonsUseCase lessons;
    private final FollowUpsUseCase followUps;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public DebriefService(WorkspaceRepository workspaces, DealRepository deals, MemberRepository members,
                          DebriefRepository debriefs, LessonsUseCase lessons, FollowUpsUseCase followUps, Auditor audit,
                          Clock clock) {
        this.workspaces = workspaces;
        this.deals = deals;
        this.members = members;
        this.debriefs = debriefs;
        this.lessons = lessons;
        this.followUps = followUps;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Debrief hold(HoldDebriefCommand command) {
        Access access = command.access();
        Workspaces.require(workspaces, access.workspaceId());
        // The deal's row lock orders the debriefs of one deal, so the cap on them holds under concurrent requests.
        Deal deal = deals.lockById(access.workspaceId(), command.dealId()).orElseThrow(() -> dealNotFound(command.dealId()));
        DealAccess.requireMayWrite(access, deal);
        if (debriefs.ofDeal(access.workspaceId(), command.dealId()).size() >= Debrief.MAX_PER_DEAL) {
            throw new StateConflict("debrief.limit-reached", "This deal already has " + Debrief.MAX_PER_DEAL
                    + " debriefs, the most one deal holds");
        }
        Set<MemberId> participants = new LinkedHashSet<>();
        for (int i = 0; i < command.participants().size(); i++) {
            MemberId id = command.participants().get(i);
            String field = "participantIds[" + i + "]";
            Member member = id == null ? null : members.findById(access.workspaceId(), id).orElse(null);
            if (member == null) {
                throw new ReferenceNotFound("Member", id, field);
            }
            if (member.removedAt() != null) {
                throw new RuleViolation("debrief.participant-removed", member.displayName() + " was removed from the workspace", field);
            }
            participants.add(id);
        }
        Debrief debrief = Debrief.hold(deal, command.heldAt(), command.lessonLearned(), command.howItServesNext(),
                command.notes(), participants, clock.instant());
        List<UUID> lessonIds = new ArrayList<>();
        for (int i = 0; i < command.lessons().size(); i++) {
            LessonDraft draft = command.lessons().get(i);
            List<DealId> cited = new ArrayList<>(new LinkedHashSet<>(prepend(command.dealId(), draft.sourceDealIds())));
            try {
                lessonIds.add(lessons.propose(access, new LessonDraft(draft.statement(), draft.rationale(), cited,
                        draft.categories(), draft.scope())).id());
            } catch (DomainException e) {
                throw e.nestedUnder("lessons[" + i + "]");
            }
        }
        Debrief held = debrief.withLessons(lessonIds);
        debriefs.add(held);
        List<UUID> actionItemIds = new ArrayList<>();
        for (int i = 0; i < command.actionItems().size(); i++) {
            ActionItemDraft item = command.actionItems().get(i);
            try {
                actionItemIds.add(followUps.createActionItem(access, new ActionItemDraft(item.text(), item.assigneeId(),
                        item.dueOn(), command.dealId(), item.lessonId()), held.id()).followUp().id());
            } catch (DomainException e) {
                throw e.nestedUnder("actionItems[" + i + "]");
            }
        }
        held = held.withActionItems(actionItemIds);
        audit.record(access, "debrief", held.id(), "create", List.of("lessonLearned", "howItServesNext", "participantIds"));
        return held;
    }

    private static List<DealId> prepend(DealId first, List<DealId> rest) {
        List<DealId> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    @Override
    public List<Debrief> ofDeal(WorkspaceId workspaceId, DealId dealId) {
        Workspaces.require(workspaces, workspaceId);
        deals.findById(workspaceId, dealId).orElseThrow(() -> dealNotFound(dealId));
        return debriefs.ofDeal(workspaceId, dealId);
    }

    @Override
    public Debrief get(WorkspaceId workspaceId, DealId dealId, UUID debriefId) {
        Workspaces.require(workspaces, workspaceId);
        return debriefs.findById(workspaceId, dealId, debriefId)
                .orElseThrow(() -> new NotFound("debrief.not-found", "There is no debrief " + debriefId + " of this deal"));
    }

    private static NotFound dealNotFound(DealId id) {
        return new NotFound("deal.not-found", "There is no deal " + id + " in this workspace");
    }
}
