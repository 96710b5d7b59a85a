package dev.debrief.application.fake;

import dev.debrief.application.port.out.access.ApiKeyRepository;
import dev.debrief.application.port.out.access.ApiKeyRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryApiKeyRepositoryTest extends ApiKeyRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected ApiKeyRepository keys() {
        return keys;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
