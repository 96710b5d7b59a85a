package dev.debrief.application.port.in.workspace;

import dev.debrief.domain.access.Principal;
import dev.debrief.domain.workspace.Workspace;

public interface CreateWorkspaceUseCase {

    /** {@code creator} becomes the workspace's first ADMIN; null for the service's own first-run workspace. */
    record CreateWorkspaceCommand(String name, String timeZone, String defaultCurrency, Principal.Person creator,
                                  java.math.BigDecimal checkInRatio, Integer checkInAssumedTermMonths) {

        public CreateWorkspaceCommand(String name, String timeZone, String defaultCurrency, Principal.Person creator) {
            this(name, timeZone, defaultCurrency, creator, null, null);
        }

        public CreateWorkspaceCommand(String name, String timeZone, String defaultCurrency) {
            this(name, timeZone, defaultCurrency, null);
        }
    }

    /**
     * Creates the workspace seeded with the default pipeline stages and loss-reason taxonomy.
     *
     * @throws dev.debrief.domain.shared.Forbidden when a bootstrap admin email is configured and the creator is not that person
     */
    Workspace create(CreateWorkspaceCommand command);
}
