package dev.debrief.application.fake;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.lesson.LessonRepository;
import dev.debrief.application.port.out.lesson.LessonRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryLessonRepositoryTest extends LessonRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryDealRepository deals = new InMemoryDealRepository();
    private final InMemoryMemberRepository members = new InMemoryMemberRepository();
    private final InMemoryLessonRepository lessons = new InMemoryLessonRepository();

    @Override
    protected LessonRepository lessons() {
        return lessons;
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
        return work.get();
    }
}
