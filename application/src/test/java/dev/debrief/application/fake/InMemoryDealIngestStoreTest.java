package dev.debrief.application.fake;

import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.ingest.DealIngestStore;
import dev.debrief.application.port.out.ingest.DealIngestStoreContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryDealIngestStoreTest extends DealIngestStoreContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryDealRepository deals = new InMemoryDealRepository();
    private final InMemoryDealIngestStore store = new InMemoryDealIngestStore(deals);

    @Override
    protected DealIngestStore store() {
        return store;
    }

    @Override
    protected DealRepository deals() {
        return deals;
    }

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
