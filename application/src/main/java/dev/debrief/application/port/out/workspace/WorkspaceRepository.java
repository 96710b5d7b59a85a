package dev.debrief.application.port.out.workspace;

import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

public interface WorkspaceRepository {

    /** Inserts a new workspace or updates an existing one; returns it as stored (with its new version). */
    Workspace save(Workspace workspace);

    Optional<Workspace> findById(WorkspaceId id);

    /** The workspaces with this name, ignoring case (names need not be unique), oldest first. */
    List<Workspace> findByName(String name);

    /**
     * Takes the workspace's row lock until the transaction ends, so that writes which count what the workspace
     * holds before adding to it (the caps on vocabulary entries, loss reasons, members, API keys, plan items)
     * run one after the other and the count can't be passed. Rows that merely refer to the workspace are not held up.
     */
    void lock(WorkspaceId id);

    /** Whether any workspace exists at all. */
    boolean any();
}
