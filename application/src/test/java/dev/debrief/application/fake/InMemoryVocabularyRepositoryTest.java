package dev.debrief.application.fake;

import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryVocabularyRepositoryTest extends VocabularyRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryVocabularyRepository vocabulary = new InMemoryVocabularyRepository();

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected VocabularyRepository vocabulary() {
        return vocabulary;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
