package dev.debrief.application.service.deal;

import dev.debrief.application.port.in.deal.DealCursor;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealPage;
import dev.debrief.application.port.in.deal.DealQueries;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.application.port.out.deal.DealListing;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

@ApplicationScoped
@Transactional
public class DealQueryService implements DealQueries {

    private final WorkspaceRepository workspaces;
    private final DealRepository deals;
    private final DealListing listing;

    @Inject
    public DealQueryService(WorkspaceRepository workspaces, DealRepository deals, DealListing listing) {
        this.workspaces = workspaces;
        this.deals = deals;
        this.listing = listing;
    }

    @Override
    public Deal get(WorkspaceId workspaceId, DealId dealId) {
        Workspaces.require(workspaces, workspaceId);
        return deals.findById(workspaceId, dealId).orElseThrow(() -> notFound(dealId));
    }

    @Override
    public java.util.Map<DealId, List<DealId>> winBacks(WorkspaceId workspaceId, java.util.Collection<DealId> dealIds) {
        return deals.winBacks(workspaceId, dealIds);
    }

    @Override
    public DealPage list(WorkspaceId workspaceId, DealFilter filter, DealSort sort, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInput("page.limit-out-of-range", "limit must be between 1 and " + MAX_PAGE_SIZE, "limit");
        }
        Workspaces.require(workspaces, workspaceId);
        DealSort.Key after = cursor == null ? null : DealCursor.decode(cursor, filter, sort);
        List<Deal> rows = listing.page(workspaceId, filter, sort, after, limit + 1);
        boolean more = rows.size() > limit;
        List<Deal> items = more ? rows.subList(0, limit) : rows;
        String next = more ? DealCursor.encode(filter, sort, sort.keyOf(items.get(items.size() - 1))) : null;
        return new DealPage(List.copyOf(items), next);
    }

    @Override
    public Deal lostDeal(WorkspaceId workspaceId, DealId dealId) {
        Deal deal = get(workspaceId, dealId);
        if (deal.outcome() != Outcome.LOST || deal.lossAnalysis() == null) {
            throw new NotFound("loss-analysis.not-found",
                    "Deal " + dealId + " is " + deal.outcome() + ": only a LOST deal has a current loss analysis");
        }
        return deal;
    }

    @Override
    public List<HistoryEntry> outcomeHistory(WorkspaceId workspaceId, DealId dealId) {
        get(workspaceId, dealId);
        return deals.outcomeHistory(workspaceId, dealId).stream()
                .map(change -> new HistoryEntry(change, change.analysisId() == null ? null
                        : deals.findAnalysis(workspaceId, change.analysisId()).orElse(null)))
                .toList();
    }

    static NotFound notFound(DealId id) {
        return new NotFound("deal.not-found", "There is no deal " + id + " in this workspace");
    }
}
