package dev.debrief.application.port.in.workspace;

import dev.debrief.domain.workspace.Workspace;

public interface CreateWorkspaceUseCase {

    record CreateWorkspaceCommand(String name, String timeZone, String defaultCurrency) {
    }

    /** Creates the workspace seeded with the default pipeline stages and loss-reason taxonomy. */
    Workspace create(CreateWorkspaceCommand command);
}
