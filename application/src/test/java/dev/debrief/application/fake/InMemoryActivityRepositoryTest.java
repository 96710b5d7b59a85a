package dev.debrief.application.fake;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.activity.ActivityRepository;
import dev.debrief.application.port.out.activity.ActivityRepositoryContract;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;

import java.util.function.Supplier;

class InMemoryActivityRepositoryTest extends ActivityRepositoryContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryDealRepository deals = new InMemoryDealRepository();
    private final InMemoryMemberRepository members = new InMemoryMemberRepository();
    private final InMemoryActivityRepository activities = new InMemoryActivityRepository();

    @Override
    protected ActivityRepository activities() {
        return activities;
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
