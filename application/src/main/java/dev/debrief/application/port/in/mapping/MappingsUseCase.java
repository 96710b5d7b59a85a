package dev.debrief.application.port.in.mapping;

import dev.debrief.application.port.out.mapping.TriageRepository.Unmapped;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.UUID;

/** The admin-managed mappings of partner text onto Debrief's reasons, vocabularies and members. */
public interface MappingsUseCase {

    /**
     * Sets what a partner value means (replacing an earlier target). The target must be a loss reason,
     * an entry of the kind's vocabulary (neither archived) or a member (not removed) of the workspace.
     */
    SetResult set(Access access, MappingKind kind, String source, String partnerValue, UUID targetId);

    void delete(Access access, MappingKind kind, UUID mappingId);

    List<PartnerMapping> list(WorkspaceId workspaceId, MappingKind kind, String source);

    List<Unmapped> unmapped(WorkspaceId workspaceId, MappingKind kind, String source, int limit);

    record SetResult(PartnerMapping mapping, boolean created) {
    }
}
