package dev.debrief.application.fake;

import dev.debrief.application.port.out.ingest.DealIngestStore;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Ingest's bulk writes over the in-memory deal repository: a new deal is stored whole when it is
 * inserted, a changed one saved like any other. One thread per test, so nothing needs a lock, and
 * nothing here refuses a write the way a database can.
 */
public class InMemoryDealIngestStore implements DealIngestStore {

    private final InMemoryDealRepository deals;

    public InMemoryDealIngestStore(InMemoryDealRepository deals) {
        this.deals = deals;
    }

    @Override
    public Locked insertOrLock(WorkspaceId workspaceId, List<Deal> candidates) {
        Map<ExternalReference, Deal> existing = new HashMap<>();
        Set<ExternalReference> inserted = new HashSet<>();
        Set<ExternalReference> tombstoned = new HashSet<>();
        for (Deal candidate : candidates) {
            ExternalReference reference = candidate.details().externalReference();
            Optional<Deal> stored = deals.findByReference(workspaceId, reference);
            if (deals.isTombstoned(workspaceId, reference.source(), reference.externalId())) {
                tombstoned.add(reference);
            } else if (stored.isPresent()) {
                existing.put(reference, stored.get());
            } else {
                deals.save(candidate);
                inserted.add(reference);
            }
        }
        return new Locked(existing, inserted, tombstoned);
    }

    @Override
    public Locked lock(WorkspaceId workspaceId, List<ExternalReference> references) {
        Map<ExternalReference, Deal> existing = new HashMap<>();
        references.forEach(reference -> deals.findByReference(workspaceId, reference)
                .ifPresent(deal -> existing.put(reference, deal)));
        return new Locked(existing, Set.of(), Set.of());
    }

    @Override
    public void saveCreated(List<Deal> created) {
        // stored whole by insertOrLock
    }

    @Override
    public void saveChanged(List<Deal> changed) {
        changed.forEach(deals::save);
    }

    @Override
    public void saveSourceTimes(List<Deal> unchanged) {
        unchanged.forEach(deals::replaceSourceTime);
    }

    @Override
    public <T> T inSavepoint(Supplier<T> work) {
        return work.get();
    }
}
