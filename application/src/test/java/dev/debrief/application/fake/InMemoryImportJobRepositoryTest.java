package dev.debrief.application.fake;

import dev.debrief.application.port.out.imports.ImportFileStore;
import dev.debrief.application.port.out.imports.ImportJobRepository;
import dev.debrief.application.port.out.imports.ImportJobRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryImportJobRepositoryTest extends ImportJobRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryImportFileStore files = new InMemoryImportFileStore();
    private final InMemoryImportJobRepository jobs = new InMemoryImportJobRepository(files);

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected ImportJobRepository jobs() {
        return jobs;
    }

    @Override
    protected ImportFileStore files() {
        return files;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
