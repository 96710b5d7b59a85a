package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.taxonomy.LossReasonRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The LossReasonRepositoryContract against the PostgreSQL adapter: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JpaLossReasonRepositoryTest extends LossReasonRepositoryContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    LossReasonRepository lossReasons;

    @Override
    protected LossReasonRepository lossReasons() {
        return lossReasons;
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
