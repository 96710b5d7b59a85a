package dev.debrief.application.fake;

import dev.debrief.application.port.out.deal.DealListing;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.deal.DealRepositoryContract;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryDealRepositoryTest extends DealRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryVocabularyRepository vocabulary = new InMemoryVocabularyRepository();
    private final InMemoryLossReasonRepository reasons = new InMemoryLossReasonRepository();
    private final InMemoryDealRepository deals = new InMemoryDealRepository();
    private final InMemoryMemberRepository members = new InMemoryMemberRepository();

    @Override
    protected dev.debrief.application.port.out.access.MemberRepository members() {
        return members;
    }

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected VocabularyRepository vocabulary() {
        return vocabulary;
    }

    @Override
    protected LossReasonRepository lossReasons() {
        return reasons;
    }

    @Override
    protected DealRepository deals() {
        return deals;
    }

    @Override
    protected DealListing listing() {
        return deals;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
