package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.mapping.PartnerMappingRepository;
import dev.debrief.application.port.out.mapping.PartnerMappingRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The PartnerMappingRepositoryContract against the PostgreSQL adapter: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JpaPartnerMappingRepositoryTest extends PartnerMappingRepositoryContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    PartnerMappingRepository mappings;

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
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
