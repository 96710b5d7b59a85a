package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.imports.ImportFileStore;
import dev.debrief.application.port.out.imports.ImportJobRepository;
import dev.debrief.application.port.out.imports.ImportJobRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The ImportJobRepositoryContract (jobs and their files) against PostgreSQL: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JdbcImportJobRepositoryTest extends ImportJobRepositoryContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    ImportJobRepository jobs;

    @Inject
    ImportFileStore files;

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
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
