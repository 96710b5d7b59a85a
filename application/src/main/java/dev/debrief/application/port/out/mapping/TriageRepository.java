package dev.debrief.application.port.out.mapping;

import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.UUID;

/** Which deals wait for triage, read straight from storage. */
public interface TriageRepository {

    /**
     * The deals of the mapping's source whose pending values the mapping names (a triage value of one
     * of its fields, or for REASON the partner text of a PENDING_TRIAGE analysis), by id after
     * {@code afterDealId} (null: from the start), at most {@code limit}.
     */
    List<DealId> waitingOn(PartnerMapping mapping, UUID afterDealId, int limit);

    /** The partner values of one kind that match nothing yet, most deals first. */
    List<Unmapped> unmapped(WorkspaceId workspaceId, MappingKind kind, String source, int limit);

    /** One partner value waiting for a mapping: how many deals wait on it and a few of them. */
    record Unmapped(String source, String partnerValue, long deals, List<UUID> exampleDealIds) {
    }
}
