package dev.debrief.application.port.out.followup;

import dev.debrief.domain.access.ActorRef;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where follow-ups are kept; every method works in the caller's transaction. */
public interface FollowUpRepository {

    /** Stores a new follow-up (an action item; check-ins go through {@link #addCheckIns}). */
    void add(FollowUp followUp);

    /**
     * Stores new check-ins, skipping each one whose deal already has an open check-in: the store holds
     * "one open check-in per deal" itself (a unique index), also against concurrent writers.
     *
     * @return how many were stored
     */
    int addCheckIns(List<FollowUp> checkIns);

    /** Cancels the open check-ins of these deals, noting why; returns how many it cancelled. */
    int cancelOpenCheckIns(WorkspaceId workspaceId, Collection<DealId> dealIds, String note, ActorRef by, Instant now);

    /** Writes a changed follow-up; its stored version goes up by one. */
    void update(FollowUp followUp);

    Optional<FollowUp> findById(WorkspaceId workspaceId, UUID id);

    /** Like {@link #findById}, locking the row until the transaction ends. */
    Optional<FollowUp> lockById(WorkspaceId workspaceId, UUID id);
}
