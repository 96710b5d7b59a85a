package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.access.ApiKeyRepository;
import dev.debrief.application.port.out.access.ApiKeyRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The ApiKeyRepositoryContract against the PostgreSQL adapter: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JpaApiKeyRepositoryTest extends ApiKeyRepositoryContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    ApiKeyRepository keys;

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected ApiKeyRepository keys() {
        return keys;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
