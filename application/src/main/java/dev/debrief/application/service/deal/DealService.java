package dev.debrief.application.service.deal;

import dev.debrief.application.port.in.deal.AmendLossAnalysisUseCase;
import dev.debrief.application.port.in.deal.CloseDealUseCase;
import dev.debrief.application.port.in.deal.CreateDealUseCase;
import dev.debrief.application.port.in.deal.DeleteDealUseCase;
import dev.debrief.application.port.in.deal.ReopenDealUseCase;
import dev.debrief.application.port.in.deal.ReviseDealUseCase;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.LossAnalysisDraft;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.UnaryOperator;

/**
 * The write side of deals. Every write to an existing deal locks its row, then checks the version
 * the client saw: two writers with the same ETag run one after the other, and the second gets 412.
 */
@ApplicationScoped
@Transactional
public class DealService implements CreateDealUseCase, ReviseDealUseCase, DeleteDealUseCase, CloseDealUseCase,
        ReopenDealUseCase, AmendLossAnalysisUseCase {

    private final WorkspaceRepository workspaces;
    private final VocabularyRepository vocabulary;
    private final LossReasonRepository reasons;
    private final DealRepository deals;
    private final Clock clock;

    @Inject
    public DealService(WorkspaceRepository workspaces, VocabularyRepository vocabulary, LossReasonRepository reasons,
                       DealRepository deals, Clock clock) {
        this.workspaces = workspaces;
        this.vocabulary = vocabulary;
        this.reasons = reasons;
        this.deals = deals;
        this.clock = clock;
    }

    @Override
    public Deal create(WorkspaceId workspaceId, DealDetails details) {
        Workspaces.require(workspaces, workspaceId);
        return deals.save(Deal.open(workspaceId, details, lookups(workspaceId), clock.instant()));
    }

    @Override
    public Deal revise(WorkspaceId workspaceId, DealId dealId, long expectedVersion, UnaryOperator<DealDetails> change) {
        Deal deal = lockForWrite(workspaceId, dealId, expectedVersion);
        deal.revise(change.apply(deal.details()), lookups(workspaceId), clock.instant());
        return deals.save(deal);
    }

    @Override
    public void delete(WorkspaceId workspaceId, DealId dealId, long expectedVersion) {
        deals.delete(lockForWrite(workspaceId, dealId, expectedVersion));
    }

    @Override
    public Deal close(CloseDealCommand command) {
        Workspace workspace = Workspaces.require(workspaces, command.workspaceId());
        Deal deal = lock(command.workspaceId(), command.dealId(), command.expectedVersion());
        LocalDate today = LocalDate.now(clock.withZone(workspace.timeZone()));
        deal.close(command.outcome(), command.closedOn(), command.lossAnalysis(), lookups(command.workspaceId()),
                today, clock.instant());
        return deals.save(deal);
    }

    @Override
    public Deal reopen(WorkspaceId workspaceId, DealId dealId, long expectedVersion) {
        Deal deal = lockForWrite(workspaceId, dealId, expectedVersion);
        deal.reopen(clock.instant());
        return deals.save(deal);
    }

    @Override
    public Deal amend(WorkspaceId workspaceId, DealId dealId, long expectedVersion, LossAnalysisDraft draft) {
        Deal deal = lockForWrite(workspaceId, dealId, expectedVersion);
        deal.amendLossAnalysis(draft, lookups(workspaceId), clock.instant());
        return deals.save(deal);
    }

    private Deal lockForWrite(WorkspaceId workspaceId, DealId dealId, long expectedVersion) {
        Workspaces.require(workspaces, workspaceId);
        return lock(workspaceId, dealId, expectedVersion);
    }

    /** Locks the deal's row for the rest of the transaction, then checks the version the client saw. */
    private Deal lock(WorkspaceId workspaceId, DealId dealId, long expectedVersion) {
        Deal deal = deals.lockById(workspaceId, dealId).orElseThrow(() -> DealQueryService.notFound(dealId));
        deal.requireVersion(expectedVersion);
        return deal;
    }

    private RepositoryLookups lookups(WorkspaceId workspaceId) {
        return new RepositoryLookups(workspaceId, vocabulary, reasons);
    }

}
