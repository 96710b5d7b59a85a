package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.ingest.DealIngestStore;
import dev.debrief.application.port.out.ingest.DealIngestStoreContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The DealIngestStoreContract against the PostgreSQL adapter: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JpaDealIngestStoreTest extends DealIngestStoreContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    DealRepository deals;

    @Inject
    DealIngestStore store;

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
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
