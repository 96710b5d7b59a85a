package dev.debrief.application.port.in.workspace;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.workspace.Workspace;

public interface UpdateWorkspaceUseCase {

    record UpdateWorkspaceCommand(Access access, String name, String timeZone, String defaultCurrency) {
    }

    Workspace update(UpdateWorkspaceCommand command);
}
