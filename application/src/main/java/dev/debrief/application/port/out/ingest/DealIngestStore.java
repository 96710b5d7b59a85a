package dev.debrief.application.port.out.ingest;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Bulk writes of partner-pushed deals, keyed by external reference. The first call of an ingest
 * locks every deal it names, in the order given (sorted by reference, so two ingests over the same
 * deals never deadlock), and the rest of the transaction works on those locked rows.
 */
public interface DealIngestStore {

    /**
     * Inserts the deal rows of the candidates whose reference is new and locks the rows of those that
     * exist. A reference a deleted deal carried (a tombstone) is neither inserted nor locked.
     * Candidates come sorted by reference and hold no two with the same one.
     */
    Locked insertOrLock(WorkspaceId workspaceId, List<Deal> candidates);

    /** Locks the existing deals with these references (sorted); nothing is inserted. */
    Locked lock(WorkspaceId workspaceId, List<ExternalReference> references);

    /** Writes what newly inserted deals hold besides their row: analysis, outcome history, triage values. */
    void saveCreated(List<Deal> created);

    /** Writes changed deals (their version goes up by one) with their analysis, new outcome changes and triage values. */
    void saveChanged(List<Deal> changed);

    /** Moves the source time on for deals a newer but equal state left unchanged. */
    void saveSourceTimes(List<Deal> unchanged);

    /**
     * Runs {@code work} in a savepoint: if the database rejects one of its statements, only the work
     * is rolled back and {@link RejectedByDatabase} is thrown; the transaction goes on.
     */
    <T> T inSavepoint(Supplier<T> work);

    /** The existing deals (locked), the references inserted, and the tombstoned ones. */
    record Locked(Map<ExternalReference, Deal> existing, Set<ExternalReference> inserted,
                  Set<ExternalReference> tombstoned) {
    }
}
