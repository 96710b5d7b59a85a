package dev.debrief.application.service.plan;

import dev.debrief.application.port.in.plan.Brief;
import dev.debrief.application.port.in.plan.BriefQueries;
import dev.debrief.application.port.out.plan.PlanReader;
import dev.debrief.application.port.out.plan.PlanReader.DealFacts;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The brief before a call: the dos that apply to an open deal and its next follow-up. */
@ApplicationScoped
@Transactional
public class BriefService implements BriefQueries {

    private final WorkspaceRepository workspaces;
    private final PlanReader reader;

    @Inject
    public BriefService(WorkspaceRepository workspaces, PlanReader reader) {
        this.workspaces = workspaces;
        this.reader = reader;
    }

    @Override
    public Brief brief(Access access, DealId dealId) {
        WorkspaceId workspaceId = Workspaces.require(workspaces, access.workspaceId()).id();
        access.require(Right.READ);
        DealFacts deal = reader.deal(workspaceId, dealId)
                .orElseThrow(() -> new NotFound("deal.not-found", "There is no deal " + dealId + " in this workspace"));
        if (deal.outcome() != Outcome.OPEN) {
            throw new StateConflict("brief.deal-not-open", "The deal is " + deal.outcome()
                    + ": a brief prepares a call on an OPEN deal; reopen it first");
        }
        return new Brief(deal.ref(),
                ApplicableDos.forDeal(reader.adoptedLessons(workspaceId), deal, MAX_DOS).stream()
                        .map(lesson -> new Brief.Do(lesson.id(), lesson.statement())).toList(),
                reader.nextOpenFollowUp(workspaceId, dealId).orElse(null));
    }
}
