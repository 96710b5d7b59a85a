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

    /** Whether any workspace exists at all. */
    boolean any();
}
