package dev.debrief.application.port.in.access;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.workspace.WorkspaceId;

public interface ResolveAccessUseCase {

    /**
     * What the principal is inside the workspace. A person who is not a member, or a key of another
     * workspace, gets the same answer as for a workspace that does not exist.
     *
     * @throws dev.debrief.domain.shared.NotFound {@code workspace.not-found}
     */
    Access resolve(Principal principal, WorkspaceId workspaceId);
}
