package dev.debrief.application.port.out.debrief;

import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.debrief.Debrief;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface DebriefRepository {

    /** Inserts a new debrief with its participants and the lessons it produced. */
    void add(Debrief debrief);

    Optional<Debrief> findById(WorkspaceId workspaceId, DealId dealId, UUID id);

    /** The deal's debriefs, most recently held first. */
    List<Debrief> ofDeal(WorkspaceId workspaceId, DealId dealId);
}
