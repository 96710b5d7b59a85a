package dev.debrief.application.service.access;

import dev.debrief.application.port.in.access.FirstRunUseCase;
import dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.domain.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** The embedded default's first start: something to try the API with, and the only implicit credential. */
@ApplicationScoped
@Transactional
public class FirstRunService implements FirstRunUseCase {

    private final WorkspaceRepository workspaces;
    private final CreateWorkspaceUseCase createWorkspace;
    private final AdminKeys adminKeys;

    @Inject
    public FirstRunService(WorkspaceRepository workspaces, CreateWorkspaceUseCase createWorkspace, AdminKeys adminKeys) {
        this.workspaces = workspaces;
        this.createWorkspace = createWorkspace;
        this.adminKeys = adminKeys;
    }

    @Override
    public Optional<FirstRun> setUpIfEmpty() {
        if (workspaces.any()) {
            return Optional.empty();
        }
        Workspace workspace = createWorkspace.create(
                new CreateWorkspaceUseCase.CreateWorkspaceCommand("My workspace", "UTC", "EUR"));
        return Optional.of(new FirstRun(workspace, adminKeys.issue(workspace.id(), "first-run admin key")));
    }
}
