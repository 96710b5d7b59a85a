package dev.debrief.application.port.out.mapping;

import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PartnerMappingRepository {

    /**
     * Stores the mapping, or replaces the target of the one with the same kind, source and partner
     * value (trimmed, case-insensitive): one per value even when two admins set it at once. Returns
     * what is stored, with the id and creation time of the mapping it replaced.
     */
    PartnerMapping save(PartnerMapping mapping);

    /**
     * Holds, until the transaction ends, the right to add mappings of this kind to the workspace: two admins
     * setting new values at once are counted one after the other, so the cap on a kind holds.
     */
    void lockKind(WorkspaceId workspaceId, MappingKind kind);

    Optional<PartnerMapping> findById(WorkspaceId workspaceId, UUID id);

    void delete(PartnerMapping mapping);

    /** The workspace's mappings of one kind, by source and partner value. */
    List<PartnerMapping> list(WorkspaceId workspaceId, MappingKind kind);

    /** Every mapping of the workspace, for ingest to resolve values with. */
    List<PartnerMapping> all(WorkspaceId workspaceId);
}
