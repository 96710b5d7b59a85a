package dev.debrief.application.service.deal;

import dev.debrief.application.port.in.deal.DealCursor;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealPage;
import dev.debrief.application.port.in.deal.DealQueries;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.application.port.in.shared.Cursors;
import dev.debrief.application.port.out.deal.DealListing;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.OutcomeChange;
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

    private static final String HISTORY_CURSOR = "h1";

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
        return deals.findById(workspaceId, dealId).orElseThrow(() -> missing(workspaceId, dealId));
    }

    /**
     * One statement, so no transaction: it reads one snapshot by itself (the JTA transaction around it cost a
     * tenth of a GET deal, issue 15).
     */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public DealView view(WorkspaceId workspaceId, DealId dealId) {
        return listing.view(workspaceId, dealId).orElseThrow(() -> missing(workspaceId, dealId));
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

    @Override
    public HistoryPage outcomeHistory(WorkspaceId workspaceId, DealId dealId, String cursor, int limit) {
        if (limit < 1 || limit > MAX_HISTORY_PAGE) {
            throw new InvalidInput("page.limit-out-of-range", "limit must be between 1 and " + MAX_HISTORY_PAGE, "limit");
        }
        String fingerprint = Cursors.fingerprint(dealId.value());
        java.time.Instant afterAt = null;
        java.util.UUID afterId = null;
        if (cursor != null) {
            String[] fields = Cursors.decode(cursor, HISTORY_CURSOR, fingerprint, 2);
            try {
                afterAt = java.time.Instant.parse(fields[0]);
                afterId = java.util.UUID.fromString(fields[1]);
            } catch (RuntimeException e) {
                throw Cursors.invalid();
            }
        }
        get(workspaceId, dealId);
        List<OutcomeChange> changes = deals.outcomeHistory(workspaceId, dealId, afterAt, afterId, limit + 1);
        boolean more = changes.size() > limit;
        List<OutcomeChange> page = more ? changes.subList(0, limit) : changes;
        OutcomeChange last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new HistoryPage(page.stream()
                .map(change -> new HistoryEntry(change, change.analysisId() == null ? null
                        : deals.findAnalysis(workspaceId, change.analysisId()).orElse(null)))
                .toList(),
                more ? Cursors.encode(HISTORY_CURSOR, fingerprint, last.occurredAt().toString(), last.id().toString()) : null);
    }

    /** A deal that isn't there: a deal is in an existing workspace, so only a miss asks whether the workspace is. */
    private NotFound missing(WorkspaceId workspaceId, DealId dealId) {
        Workspaces.require(workspaces, workspaceId);
        return notFound(dealId);
    }

    /** The one answer to a deal id that names no deal of the workspace. */
    public static NotFound notFound(DealId id) {
        return new NotFound("deal.not-found", "There is no deal " + id + " in this workspace");
    }
}
