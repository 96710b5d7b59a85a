package dev.debrief.application.port.in.workspace;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.workspace.Workspace;

public interface UpdateWorkspaceUseCase {

    /** Null check-in settings keep the current ones. */
    record UpdateWorkspaceCommand(Access access, String name, String timeZone, String defaultCurrency,
                                  java.math.BigDecimal checkInRatio, Integer checkInAssumedTermMonths) {

        public UpdateWorkspaceCommand(Access access, String name, String timeZone, String defaultCurrency) {
            this(access, name, timeZone, defaultCurrency, null, null);
        }
    }

    Workspace update(UpdateWorkspaceCommand command);
}
