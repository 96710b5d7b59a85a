package dev.debrief.application.port.out.taxonomy;

import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

public interface LossReasonRepository {

    /**
     * Inserts or updates a reason. Codes and names (case-insensitive) are unique per workspace: a
     * clash throws {@link dev.debrief.domain.shared.StateConflict} with code
     * {@code loss-reason.code-taken} or {@code loss-reason.name-taken}.
     */
    LossReason save(LossReason reason);

    Optional<LossReason> findById(WorkspaceId workspaceId, LossReasonId id);

    /** All reasons of the workspace, by category then name. */
    List<LossReason> list(WorkspaceId workspaceId);
}
