package dev.debrief.application.fake;

import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealQueries;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.application.port.out.deal.DealListing;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.LossAnalysis;
import dev.debrief.domain.deal.LossAnalysisId;
import dev.debrief.domain.deal.OutcomeChange;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Deals, their outcome histories, every analysis they had and the tombstones of deleted deals'
 * external references, in maps. Implements both the repository and the listing so a test wires one
 * object for both ports. Stores and hands out copies; every save of a stored deal adds one to its
 * version. {@link #lockById} is {@link #findById}: there is one thread per test.
 */
public class InMemoryDealRepository implements DealRepository, DealListing {

    private record StoredAnalysis(WorkspaceId workspaceId, DealId dealId, LossAnalysis analysis) {
    }

    private record Tombstone(WorkspaceId workspaceId, String source, String externalId) {
    }

    private final Map<DealId, Deal> deals = new LinkedHashMap<>();
    private final Map<DealId, List<OutcomeChange>> histories = new HashMap<>();
    private final Map<LossAnalysisId, StoredAnalysis> analyses = new HashMap<>();
    private final Set<Tombstone> tombstones = new HashSet<>();

    @Override
    public synchronized Deal save(Deal deal) {
        ExternalReference reference = deal.details().externalReference();
        if (reference != null && deals.values().stream().anyMatch(other -> !other.id().equals(deal.id())
                && other.workspaceId().equals(deal.workspaceId())
                && reference.equals(other.details().externalReference()))) {
            throw new StateConflict("deal.external-reference-taken", "Another deal of this workspace is "
                    + reference.source() + " " + reference.externalId());
        }
        Deal stored = deals.get(deal.id());
        long version = stored == null ? deal.version() : stored.version() + 1;
        deals.put(deal.id(), copy(deal, version));
        histories.computeIfAbsent(deal.id(), id -> new ArrayList<>()).addAll(deal.newOutcomeChanges());
        if (deal.lossAnalysis() != null) {
            analyses.put(deal.lossAnalysis().id(),
                    new StoredAnalysis(deal.workspaceId(), deal.id(), deal.lossAnalysis()));
        }
        return copy(deal, version);
    }

    @Override
    public synchronized java.util.Map<DealId, List<DealId>> winBacks(WorkspaceId workspaceId, java.util.Collection<DealId> ids) {
        java.util.Map<DealId, List<DealId>> found = new java.util.LinkedHashMap<>();
        deals.values().stream()
                .filter(d -> d.workspaceId().equals(workspaceId) && d.winBackOf() != null && ids.contains(d.winBackOf()))
                .sorted(java.util.Comparator.comparing(Deal::createdAt).thenComparing(d -> d.id().value()))
                .forEach(d -> found.computeIfAbsent(d.winBackOf(), k -> new java.util.ArrayList<>()).add(d.id()));
        return found;
    }

    @Override
    public synchronized Optional<DealQueries.DealView> view(WorkspaceId workspaceId, DealId id) {
        return findById(workspaceId, id).map(deal -> new DealQueries.DealView(deal,
                winBacks(workspaceId, List.of(id)).getOrDefault(id, List.of())));
    }

    @Override
    public synchronized Optional<Deal> findById(WorkspaceId workspaceId, DealId id) {
        return Optional.ofNullable(deals.get(id)).filter(d -> d.workspaceId().equals(workspaceId))
                .map(d -> copy(d, d.version()));
    }

    @Override
    public Optional<Deal> lockById(WorkspaceId workspaceId, DealId id) {
        return findById(workspaceId, id);
    }

    @Override
    public synchronized void delete(Deal deal) {
        Deal stored = deals.get(deal.id());
        if (stored == null || !stored.workspaceId().equals(deal.workspaceId())) {
            return;
        }
        deals.remove(deal.id());
        histories.remove(deal.id());
        analyses.values().removeIf(a -> a.dealId().equals(deal.id()));
        ExternalReference reference = stored.details().externalReference();
        if (reference != null) {
            tombstones.add(new Tombstone(deal.workspaceId(), reference.source(), reference.externalId()));
        }
    }

    @Override
    public synchronized boolean isTombstoned(WorkspaceId workspaceId, String source, String externalId) {
        return tombstones.contains(new Tombstone(workspaceId, source, externalId));
    }

    @Override
    public synchronized List<OutcomeChange> outcomeHistory(WorkspaceId workspaceId, DealId id, java.time.Instant afterOccurredAt,
                                                           java.util.UUID afterId, int limit) {
        Deal deal = deals.get(id);
        if (deal == null || !deal.workspaceId().equals(workspaceId)) {
            return List.of();
        }
        java.util.Comparator<OutcomeChange> order = java.util.Comparator.comparing(OutcomeChange::occurredAt)
                .thenComparing(OutcomeChange::id);
        OutcomeChange after = afterOccurredAt == null ? null
                : new OutcomeChange(afterId, OutcomeChange.Kind.CLOSED, null, null, null, afterOccurredAt);
        return histories.getOrDefault(id, List.of()).stream()
                .filter(c -> after == null || order.compare(c, after) > 0)
                .sorted(order).limit(limit).toList();
    }

    @Override
    public synchronized Optional<LossAnalysis> findAnalysis(WorkspaceId workspaceId, LossAnalysisId id) {
        return Optional.ofNullable(analyses.get(id)).filter(a -> a.workspaceId().equals(workspaceId))
                .map(StoredAnalysis::analysis);
    }

    @Override
    public synchronized List<Deal> page(WorkspaceId workspaceId, DealFilter filter, DealSort sort, DealSort.Key after,
                                        int limit) {
        Predicate<Deal> afterKey = after == null ? d -> true : d -> compareToKey(d, sort, after) > 0;
        return deals.values().stream()
                .filter(d -> d.workspaceId().equals(workspaceId))
                .filter(d -> matches(d, filter))
                .filter(afterKey)
                .sorted(sort.comparator())
                .limit(limit)
                .map(d -> copy(d, d.version()))
                .toList();
    }

    private static boolean matches(Deal deal, DealFilter f) {
        var details = deal.details();
        return (f.outcome() == null || deal.outcome() == f.outcome())
                && (f.ownerId() == null || details.owner() != null && f.ownerId().equals(details.owner().id()))
                && (f.teamId() == null || f.teamId().equals(details.teamId()))
                && (f.stageId() == null || f.stageId().equals(details.stageId()))
                && (f.segmentId() == null || f.segmentId().equals(details.segmentId()))
                && (f.personaId() == null || f.personaId().equals(details.personaId()))
                && (f.leadSourceId() == null || f.leadSourceId().equals(details.leadSourceId()))
                && (f.closedFrom() == null || deal.closedOn() != null && !deal.closedOn().isBefore(f.closedFrom()))
                && (f.closedTo() == null || deal.closedOn() != null && !deal.closedOn().isAfter(f.closedTo()))
                && (f.q() == null || contains(details.name(), f.q()) || contains(details.account(), f.q()))
                && (f.triage() == null || f.triage() == DealFilter.pendingTriage(deal));
    }

    private static boolean contains(String text, String q) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }

    /** Where a deal stands relative to a page key in the sort's order: positive when it comes after. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareToKey(Deal deal, DealSort sort, DealSort.Key key) {
        Comparable value = sort.valueOf(deal);
        Comparable keyValue = sort.parseValue(key.value());
        Comparator<Comparable> values = sort.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        int byValue = Comparator.nullsLast(values).compare(value, keyValue);
        if (byValue != 0) {
            return byValue;
        }
        int byId = DealSort.compareUuids(deal.id().value(), key.id());
        return sort.descending() ? -byId : byId;
    }

    private static Deal copy(Deal d, long version) {
        return Deal.rehydrate(d.id(), d.workspaceId(), d.details(), d.outcome(), d.closedOn(), d.lossAnalysis(),
                d.createdAt(), d.updatedAt(), version, d.partnerSync(), d.winBackOf());
    }

    /** Every stored deal of the workspace, for the triage fake. */
    synchronized List<Deal> all(WorkspaceId workspaceId) {
        return deals.values().stream().filter(d -> d.workspaceId().equals(workspaceId)).map(d -> copy(d, d.version())).toList();
    }

    /** The stored deal of the workspace with this external reference, for the ingest fake. */
    synchronized Optional<Deal> findByReference(WorkspaceId workspaceId, ExternalReference reference) {
        return deals.values().stream()
                .filter(d -> d.workspaceId().equals(workspaceId) && reference.equals(d.details().externalReference()))
                .findFirst().map(d -> copy(d, d.version()));
    }

    /** Keeps the deal's partner sync without counting a new version, for the ingest fake. */
    synchronized void replaceSourceTime(Deal deal) {
        Deal stored = deals.get(deal.id());
        deals.put(deal.id(), Deal.rehydrate(stored.id(), stored.workspaceId(), stored.details(), stored.outcome(),
                stored.closedOn(), stored.lossAnalysis(), stored.createdAt(), stored.updatedAt(), stored.version(),
                deal.partnerSync(), stored.winBackOf()));
    }
}
