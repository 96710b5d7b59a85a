package dev.debrief.application.port.out.activity;

import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where the activities of deals are kept; every method works in the caller's transaction. Writers hold
 * the deal's row lock, which orders the writes of one deal (its cap on activities counts under it).
 */
public interface ActivityRepository {

    /** Stores a new activity. */
    void add(Activity activity);

    /**
     * Stores new partner activities, skipping any whose deal already holds one with the same reference
     * (a retry). Returns how many it stored.
     */
    int addPartnerActivities(List<Activity> activities);

    Optional<Activity> findById(WorkspaceId workspaceId, DealId dealId, UUID id);

    /** Removes the activity; a partner's one (with a reference) leaves a tombstone of that reference on its deal. */
    void delete(Activity activity, Instant now);

    /** How many activities each of these deals holds (a deal with none is absent). */
    Map<DealId, Integer> countByDeal(WorkspaceId workspaceId, Collection<DealId> dealIds);

    /** Of these partner references, the ones the deal already holds or holds a tombstone of. */
    Set<PartnerKey> known(WorkspaceId workspaceId, Collection<PartnerKey> keys);

    /**
     * Up to {@code limit} activities of the deal, newest first (occurredAt, then id, descending), after
     * {@code (beforeOccurredAt, beforeId)} in that order (both null: from the newest).
     */
    List<Activity> page(WorkspaceId workspaceId, DealId dealId, Instant beforeOccurredAt, UUID beforeId, int limit);

    /** All the deal's activities, oldest first (at most {@link Activity#MAX_PER_DEAL}). */
    List<Activity> ofDeal(WorkspaceId workspaceId, DealId dealId);

    /** A partner activity's identity: its deal and its reference. */
    record PartnerKey(DealId dealId, ExternalReference reference) {
    }
}
