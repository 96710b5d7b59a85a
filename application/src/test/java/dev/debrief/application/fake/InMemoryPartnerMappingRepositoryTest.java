package dev.debrief.application.fake;

import dev.debrief.application.port.out.mapping.PartnerMappingRepository;
import dev.debrief.application.port.out.mapping.PartnerMappingRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryPartnerMappingRepositoryTest extends PartnerMappingRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryPartnerMappingRepository mappings = new InMemoryPartnerMappingRepository();

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
