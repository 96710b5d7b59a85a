package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.plan.PlanItemRepository;
import dev.debrief.application.port.out.plan.PlanItemRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The PlanItemRepositoryContract against PostgreSQL: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JdbcPlanItemRepositoryTest extends PlanItemRepositoryContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    PlanItemRepository items;

    @Inject
    MemberRepository members;

    @Override
    protected PlanItemRepository items() {
        return items;
    }

    @Override
    protected MemberRepository members() {
        return members;
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
