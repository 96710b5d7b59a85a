package dev.debrief.application.fake;

import dev.debrief.application.port.out.idempotency.IdempotencyStore;
import dev.debrief.application.port.out.idempotency.IdempotencyStoreContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected IdempotencyStore store() {
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        try {
            return work.get();
        } finally {
            store.endTransaction();
        }
    }
}
