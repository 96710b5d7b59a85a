package dev.debrief.application.service.access;

import dev.debrief.application.port.in.access.FirstRunUseCase;
import dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase;
import dev.debrief.application.port.out.access.ApiKeyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The embedded default's first start: something to try the API with, and the only implicit credential. */
@ApplicationScoped
@Transactional
public class FirstRunService implements FirstRunUseCase {

    private final WorkspaceRepository workspaces;
    private final CreateWorkspaceUseCase createWorkspace;
    private final ApiKeyRepository keys;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public FirstRunService(WorkspaceRepository workspaces, CreateWorkspaceUseCase createWorkspace,
                           ApiKeyRepository keys, Auditor audit, Clock clock) {
        this.workspaces = workspaces;
        this.createWorkspace = createWorkspace;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<FirstRun> setUpIfEmpty() {
        if (workspaces.any()) {
            return Optional.empty();
        }
        Workspace workspace = createWorkspace.create(
                new CreateWorkspaceUseCase.CreateWorkspaceCommand("My workspace", "UTC", "EUR"));
        ApiKey.Issued issued = ApiKey.issue(workspace.id(), "first-run admin key", Set.of(Scope.ADMIN), null,
                clock.instant());
        ApiKey key = keys.save(issued.key());
        audit.record(null, workspace.id(), "api-key", key.id().value(), "create", List.of("name", "scopes"));
        return Optional.of(new FirstRun(workspace, new ApiKey.Issued(key, issued.secret())));
    }
}
