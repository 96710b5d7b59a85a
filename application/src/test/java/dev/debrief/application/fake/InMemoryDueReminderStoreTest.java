package dev.debrief.application.fake;

import dev.debrief.application.port.out.followup.DueReminderStore;
import dev.debrief.application.port.out.followup.DueReminderStoreContract;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.domain.followup.FollowUpStatus;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

class InMemoryDueReminderStoreTest extends DueReminderStoreContract {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryDueReminderStore store = new InMemoryDueReminderStore(workspaces);

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected DueReminderStore store() {
        return store;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    @Override
    protected UUID givenFollowUp(WorkspaceId workspace, LocalDate dueOn) {
        return store.add(workspace, dueOn);
    }

    @Override
    protected void setStatus(UUID followUp, FollowUpStatus status) {
        store.setStatus(followUp, status);
    }

    @Override
    protected void moveDueDate(UUID followUp, LocalDate dueOn) {
        store.moveDueDate(followUp, dueOn);
    }

    @Override
    protected List<RecordedEvent> events(UUID followUp) {
        return store.events(followUp).stream()
                .map(e -> new RecordedEvent(e.workspaceId(), e.type(), e.subjectId(), e.dedupKey(), e.dueOn(), e.occurredAt()))
                .toList();
    }
}
