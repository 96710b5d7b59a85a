package dev.debrief.bootstrap.persistence;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.access.MemberRepositoryContract;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/** The MemberRepositoryContract against the PostgreSQL adapter: every step in a transaction of its own. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class JpaMemberRepositoryTest extends MemberRepositoryContract {

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    VocabularyRepository vocabulary;

    @Inject
    MemberRepository members;

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected VocabularyRepository vocabulary() {
        return vocabulary;
    }

    @Override
    protected MemberRepository members() {
        return members;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}
