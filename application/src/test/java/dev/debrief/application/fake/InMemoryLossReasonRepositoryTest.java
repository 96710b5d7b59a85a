package dev.debrief.application.fake;

import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.taxonomy.LossReasonRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryLossReasonRepositoryTest extends LossReasonRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryLossReasonRepository reasons = new InMemoryLossReasonRepository();

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected LossReasonRepository lossReasons() {
        return reasons;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
