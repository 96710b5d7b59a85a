package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.followup.FollowUpRepository;
import dev.debrief.application.port.out.followup.FollowUpRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The FollowUpRepositoryContract against PostgreSQL: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JdbcFollowUpRepositoryTest extends FollowUpRepositoryContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    FollowUpRepository followUps;

    @Inject
    DealRepository deals;

    @Inject
    MemberRepository members;

    @Override
    protected FollowUpRepository followUps() {
        return followUps;
    }

    @Override
    protected DealRepository deals() {
        return deals;
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
