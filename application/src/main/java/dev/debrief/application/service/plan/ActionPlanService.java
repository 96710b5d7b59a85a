package dev.debrief.application.service.plan;

import dev.debrief.application.port.in.plan.ActionPlan;
import dev.debrief.application.port.in.plan.ActionPlanQueries;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.plan.PlanItemRepository;
import dev.debrief.application.port.out.plan.PlanReader;
import dev.debrief.application.port.out.plan.PlanReader.AdoptedLesson;
import dev.debrief.application.port.out.plan.PlanReader.DealFacts;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.plan.PlanAccess;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A member's action plan for a day: due follow-ups, dos from adopted lessons per open deal, own plan items. */
@ApplicationScoped
@Transactional
public class ActionPlanService implements ActionPlanQueries {

    private final WorkspaceRepository workspaces;
    private final MemberRepository members;
    private final PlanReader reader;
    private final PlanItemRepository planItems;
    private final Clock clock;

    @Inject
    public ActionPlanService(WorkspaceRepository workspaces, MemberRepository members, PlanReader reader,
                             PlanItemRepository planItems, Clock clock) {
        this.workspaces = workspaces;
        this.members = members;
        this.reader = reader;
        this.planItems = planItems;
        this.clock = clock;
    }

    @Override
    public ActionPlan plan(Access access, MemberId memberId, LocalDate date) {
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        access.require(Right.READ);
        PlanAccess.requireMayReadPlanOf(access, memberId);
        members.findById(workspace.id(), memberId)
                .orElseThrow(() -> new NotFound("member.not-found", "There is no member " + memberId + " in this workspace"));
        LocalDate day = date != null ? date : workspace.today(clock.instant()).plusDays(1);

        List<DealFacts> deals = reader.openDealsOwnedBy(workspace.id(), memberId);
        List<ActionPlan.DealDo> dos = new ArrayList<>();
        if (!deals.isEmpty()) {
            List<AdoptedLesson> adopted = reader.adoptedLessons(workspace.id());
            for (DealFacts deal : deals) {
                for (AdoptedLesson lesson : ApplicableDos.forDeal(adopted, deal, DOS_PER_DEAL)) {
                    dos.add(new ActionPlan.DealDo(deal.ref(), lesson.id(), lesson.statement()));
                }
                if (dos.size() > ActionPlan.MAX_DOS) {
                    break;
                }
            }
        }
        List<ActionPlan.DueFollowUp> due = reader.openFollowUpsDue(workspace.id(), memberId, day, ActionPlan.MAX_FOLLOW_UPS + 1);
        return new ActionPlan(day, memberId, first(due, ActionPlan.MAX_FOLLOW_UPS), due.size() > ActionPlan.MAX_FOLLOW_UPS,
                first(dos, ActionPlan.MAX_DOS), dos.size() > ActionPlan.MAX_DOS, planItems.listFor(workspace.id(), memberId, day));
    }

    private static <T> List<T> first(List<T> items, int max) {
        return items.size() > max ? items.subList(0, max) : items;
    }
}
