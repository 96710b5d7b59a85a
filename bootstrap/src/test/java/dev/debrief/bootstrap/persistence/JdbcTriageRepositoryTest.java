package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.ingest.DealIngestStore;
import dev.debrief.application.port.out.mapping.PartnerMappingRepository;
import dev.debrief.application.port.out.mapping.TriageRepository;
import dev.debrief.application.port.out.mapping.TriageRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The TriageRepositoryContract against PostgreSQL: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JdbcTriageRepositoryTest extends TriageRepositoryContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    TriageRepository triage;

    @Inject
    DealIngestStore store;

    @Inject
    PartnerMappingRepository mappings;

    @Override
    protected TriageRepository triage() {
        return triage;
    }

    @Override
    protected DealIngestStore store() {
        return store;
    }

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
