package dev.debrief.application.fake;

import dev.debrief.application.port.out.access.ApiKeyRepository;
import dev.debrief.application.port.out.access.ApiKeyRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryApiKeyRepositoryTest extends ApiKeyRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository();

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
