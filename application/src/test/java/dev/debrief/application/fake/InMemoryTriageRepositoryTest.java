package dev.debrief.application.fake;

import dev.debrief.application.port.out.ingest.DealIngestStore;
import dev.debrief.application.port.out.mapping.PartnerMappingRepository;
import dev.debrief.application.port.out.mapping.TriageRepository;
import dev.debrief.application.port.out.mapping.TriageRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryTriageRepositoryTest extends TriageRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryDealRepository deals = new InMemoryDealRepository();
    private final InMemoryPartnerMappingRepository mappings = new InMemoryPartnerMappingRepository();
    private final InMemoryTriageRepository triage = new InMemoryTriageRepository(deals, mappings);
    private final InMemoryDealIngestStore store = new InMemoryDealIngestStore(deals);

    @Override
    protected TriageRepository triage() {
        return triage;
    }

    @Override
    protected DealIngestStore store() {
        return store;
    }

    @Override
    protected PartnerMappingRepository mappings() {
        return mappings;
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
