package dev.debrief.application.fake;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.access.MemberRepositoryContract;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryMemberRepositoryTest extends MemberRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryVocabularyRepository vocabulary = new InMemoryVocabularyRepository();
    private final InMemoryMemberRepository members = new InMemoryMemberRepository();

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
        return work.get();
    }
}
