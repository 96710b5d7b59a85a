package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.idempotency.IdempotencyStore;
import dev.debrief.application.port.out.idempotency.IdempotencyStoreContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The IdempotencyStoreContract against the PostgreSQL adapter: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JdbcIdempotencyStoreTest extends IdempotencyStoreContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    IdempotencyStore store;

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
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
