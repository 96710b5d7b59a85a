package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.deal.DealRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.port.out.deal.DealListing;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The DealRepositoryContract against the PostgreSQL adapter: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JpaDealRepositoryTest extends DealRepositoryContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    VocabularyRepository vocabulary;

    @Inject
    LossReasonRepository lossReasons;

    @Inject
    DealRepository deals;

    @Inject
    DealListing listing;

    @Inject
    dev.debrief.application.port.out.access.MemberRepository members;

    @Override
    protected dev.debrief.application.port.out.access.MemberRepository members() {
        return members;
    }

    @Override
    protected VocabularyRepository vocabulary() {
        return vocabulary;
    }

    @Override
    protected LossReasonRepository lossReasons() {
        return lossReasons;
    }

    @Override
    protected DealRepository deals() {
        return deals;
    }

    @Override
    protected DealListing listing() {
        return listing;
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
