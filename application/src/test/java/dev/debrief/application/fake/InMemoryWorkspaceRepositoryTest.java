package dev.debrief.application.fake;

import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepositoryContract;

import java.util.function.Supplier;

class InMemoryWorkspaceRepositoryTest extends WorkspaceRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
