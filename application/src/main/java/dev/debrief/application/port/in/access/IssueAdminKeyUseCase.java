package dev.debrief.application.port.in.access;

import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.workspace.Workspace;

/** A lost first key: a new admin API key for a workspace, issued from the command line of the machine that runs it. */
public interface IssueAdminKeyUseCase {

    record IssuedAdminKey(Workspace workspace, ApiKey.Issued adminKey) {
    }

    /**
     * A new admin key (scope {@code admin}, no expiry) for the workspace with this id, or else this
     * name (ignoring case); every other key stays as it is. {@code workspace.not-found} when none
     * matches, {@code workspace.name-ambiguous} when several share the name.
     */
    IssuedAdminKey issue(String workspaceIdOrName);
}
