package dev.debrief.application.service.deal;

import dev.debrief.application.port.in.deal.AmendLossAnalysisUseCase;
import dev.debrief.application.port.in.deal.CloseDealUseCase;
import dev.debrief.application.port.in.deal.CreateDealUseCase;
import dev.debrief.application.port.in.deal.DeleteDealUseCase;
import dev.debrief.application.port.in.deal.ReopenDealUseCase;
import dev.debrief.application.port.in.deal.ReviseDealUseCase;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.application.service.followup.CheckIns;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealAccess;
import dev.debrief.domain.deal.MemberRef;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.LossAnalysisDraft;
import dev.debrief.domain.followup.CheckInChange;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
    private final MemberRepository members;
    private final DealRepository deals;
    private final Auditor audit;
    private final CheckIns checkIns;
    private final Clock clock;

    private static final String DEAL = "deal";

    @Inject
    public DealService(WorkspaceRepository workspaces, VocabularyRepository vocabulary, LossReasonRepository reasons,
                       MemberRepository members, DealRepository deals, Auditor audit, CheckIns checkIns, Clock clock) {
        this.workspaces = workspaces;
        this.vocabulary = vocabulary;
        this.reasons = reasons;
        this.members = members;
        this.deals = deals;
        this.audit = audit;
        this.checkIns = checkIns;
        this.clock = clock;
    }

    @Override
    public Deal create(Access access, DealDetails details) {
        Workspaces.require(workspaces, access.workspaceId());
        MemberRef owner = DealAccess.ownerForNewDeal(access, details.owner());
        Deal deal = deals.save(Deal.open(access.workspaceId(), details.withOwner(owner), lookups(access), clock.instant()));
        audit.record(access, DEAL, deal.id().value(), "create", deal.details().changedSince(null));
        return deal;
    }

    @Override
    public Deal revise(Access access, DealId dealId, long expectedVersion, UnaryOperator<DealDetails> change) {
        Deal deal = lockForWrite(access, dealId, expectedVersion);
        DealDetails next = change.apply(deal.details());
        DealAccess.requireMayAssign(access, next.owner());
        DealDetails before = deal.details();
        deal.revise(next, lookups(access), clock.instant());
        Deal saved = deals.save(deal);
        audit.record(access, DEAL, saved.id().value(), "change", saved.details().changedSince(before));
        return saved;
    }

    @Override
    public void delete(Access access, DealId dealId, long expectedVersion) {
        Deal deal = lockForWrite(access, dealId, expectedVersion);
        deals.delete(deal);
        audit.record(access, DEAL, deal.id().value(), "delete", List.of());
    }

    @Override
    public Deal close(CloseDealCommand command) {
        Access access = command.access();
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        Deal deal = lock(access, command.dealId(), command.expectedVersion());
        LocalDate today = workspace.today(clock.instant());
        deal.close(command.outcome(), command.closedOn(), command.lossAnalysis(), lookups(access), today, clock.instant());
        Deal saved = deals.save(deal);
        checkIns.follow(workspace, access, false, saved);
        audit.record(access, DEAL, saved.id().value(), "close", saved.lossAnalysis() == null
                ? List.of("outcome", "closedOn") : List.of("outcome", "closedOn", "lossAnalysis"));
        return saved;
    }

    @Override
    public Deal reopen(Access access, DealId dealId, long expectedVersion) {
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        Deal deal = lock(access, dealId, expectedVersion);
        boolean hadAnalysis = deal.lossAnalysis() != null;
        boolean qualified = CheckInChange.qualifies(deal);
        deal.reopen(clock.instant());
        Deal saved = deals.save(deal);
        checkIns.follow(workspace, access, qualified, saved);
        audit.record(access, DEAL, saved.id().value(), "reopen", hadAnalysis
                ? List.of("outcome", "closedOn", "lossAnalysis") : List.of("outcome", "closedOn"));
        return saved;
    }

    @Override
    public Deal amend(Access access, DealId dealId, long expectedVersion, LossAnalysisDraft draft) {
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        Deal deal = lock(access, dealId, expectedVersion);
        boolean qualified = CheckInChange.qualifies(deal);
        deal.amendLossAnalysis(draft, lookups(access), clock.instant());
        Deal saved = deals.save(deal);
        checkIns.follow(workspace, access, qualified, saved);
        audit.record(access, DEAL, saved.id().value(), "amend-loss-analysis", List.of("lossAnalysis"));
        return saved;
    }

    private Deal lockForWrite(Access access, DealId dealId, long expectedVersion) {
        Workspaces.require(workspaces, access.workspaceId());
        return lock(access, dealId, expectedVersion);
    }

    /**
     * Locks the deal's row for the rest of the transaction, checks that the caller may write it
     * (a REP only their own: 403 whatever the version), then the version the client saw (412).
     */
    private Deal lock(Access access, DealId dealId, long expectedVersion) {
        Deal deal = deals.lockById(access.workspaceId(), dealId).orElseThrow(() -> DealQueryService.notFound(dealId));
        DealAccess.requireMayWrite(access, deal);
        deal.requireVersion(expectedVersion);
        return deal;
    }

    private RepositoryLookups lookups(Access access) {
        return new RepositoryLookups(access.workspaceId(), vocabulary, reasons, members);
    }
}
