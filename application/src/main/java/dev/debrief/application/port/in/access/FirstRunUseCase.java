package dev.debrief.application.port.in.access;

import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.workspace.Workspace;

import java.util.Optional;

public interface FirstRunUseCase {

    record FirstRun(Workspace workspace, ApiKey.Issued adminKey) {
    }

    /** On an empty database only: a first workspace and an admin key for it; otherwise nothing. */
    Optional<FirstRun> setUpIfEmpty();
}
