package dev.debrief.application.port.out.deal;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.LossAnalysis;
import dev.debrief.domain.deal.LossAnalysisId;
import dev.debrief.domain.deal.OutcomeChange;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

public interface DealRepository {

    /**
     * Inserts a new deal or writes a changed one with its current analysis, appending its new
     * outcome changes. An external reference used by another deal of the workspace throws
     * {@link dev.debrief.domain.shared.StateConflict} {@code deal.external-reference-taken}.
     * Returns the deal as stored, with its new version.
     */
    Deal save(Deal deal);

    Optional<Deal> findById(WorkspaceId workspaceId, DealId id);

    /**
     * Like {@link #findById} but holds a row lock until the transaction ends, so two writers of the
     * same deal run one after the other and the second sees the first one's version.
     */
    Optional<Deal> lockById(WorkspaceId workspaceId, DealId id);

    /**
     * Deletes the deal and leaves a tombstone for its external reference. Throws
     * {@link dev.debrief.domain.shared.StateConflict} {@code deal.cited} while another record cites it.
     */
    void delete(Deal deal);

    /** Whether a deleted deal carried this external reference. */
    boolean isTombstoned(WorkspaceId workspaceId, String source, String externalId);

    /** The outcome history of a deal, oldest first. */
    default List<OutcomeChange> outcomeHistory(WorkspaceId workspaceId, DealId id) {
        return outcomeHistory(workspaceId, id, null, null, Integer.MAX_VALUE);
    }

    /**
     * At most {@code limit} entries of a deal's outcome history, oldest first ({@code occurredAt}, then id), after
     * the entry with {@code afterOccurredAt} and {@code afterId} (both null: from the first).
     */
    List<OutcomeChange> outcomeHistory(WorkspaceId workspaceId, DealId id, java.time.Instant afterOccurredAt,
                                       java.util.UUID afterId, int limit);

    /** The win-back deals of each of these deals (deals whose {@code winBackOf} is it), oldest first; absent: none. */
    java.util.Map<DealId, List<DealId>> winBacks(WorkspaceId workspaceId, java.util.Collection<DealId> ids);

    /** Any analysis the deal ever had, current or superseded. */
    Optional<LossAnalysis> findAnalysis(WorkspaceId workspaceId, LossAnalysisId id);
}
