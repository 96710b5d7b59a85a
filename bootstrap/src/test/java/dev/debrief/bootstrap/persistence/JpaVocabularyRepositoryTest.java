package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.vocabulary.VocabularyRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The VocabularyRepositoryContract against the PostgreSQL adapter: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JpaVocabularyRepositoryTest extends VocabularyRepositoryContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    VocabularyRepository vocabulary;

    @Override
    protected VocabularyRepository vocabulary() {
        return vocabulary;
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
