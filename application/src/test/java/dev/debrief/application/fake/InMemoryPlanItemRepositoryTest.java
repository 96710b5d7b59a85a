package dev.debrief.application.fake;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.plan.PlanItemRepository;
import dev.debrief.application.port.out.plan.PlanItemRepositoryContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryPlanItemRepositoryTest extends PlanItemRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryMemberRepository members = new InMemoryMemberRepository();
    private final InMemoryPlanItemRepository items = new InMemoryPlanItemRepository();

    @Override
    protected PlanItemRepository items() {
        return items;
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
