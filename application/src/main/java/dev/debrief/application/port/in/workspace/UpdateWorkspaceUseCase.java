package dev.debrief.application.port.in.workspace;

import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;

public interface UpdateWorkspaceUseCase {

    record UpdateWorkspaceCommand(WorkspaceId workspaceId, String name, String timeZone, String defaultCurrency) {
    }

    Workspace update(UpdateWorkspaceCommand command);
}
