package dev.debrief.application.service.workspace;

import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;

/** The one way services resolve the workspace of a request path. */
public final class Workspaces {

    private Workspaces() {
    }

    public static Workspace require(WorkspaceRepository repository, WorkspaceId id) {
        return repository.findById(id)
                .orElseThrow(() -> new NotFound("workspace.not-found", "Workspace " + id + " does not exist"));
    }
}
