package dev.debrief.application.port.in.workspace;

import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;

public interface WorkspaceQueries {

    /** @throws dev.debrief.domain.shared.NotFound {@code workspace.not-found} */
    Workspace get(WorkspaceId workspaceId);
}
