package dev.debrief.application.service.followup;

import dev.debrief.application.fake.InMemoryDueReminderStore;
import dev.debrief.application.fake.InMemoryWorkspaceRepository;
import dev.debrief.application.fake.MutableClock;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordDueRemindersServiceTest {

    private final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryDueReminderStore store = new InMemoryDueReminderStore(workspaces);
    private final RecordDueRemindersService service = new RecordDueRemindersService(store, clock);

    private WorkspaceId workspace(String timeZone) {
        Workspace workspace = Workspace.create("Due " + UUID.randomUUID(), timeZone, "EUR", clock.instant());
        workspaces.save(workspace);
        return workspace.id();
    }

    @Test
    void recordsWhatIsDueByTheApplicationsClock() {
        UUID due = store.add(workspace("Europe/Berlin"), LocalDate.parse("2025-03-11"));

        assertThat(service.recordDue(10)).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(service.recordDue(10)).isEqualTo(1);

        assertThat(store.events(due)).singleElement()
                .satisfies(e -> assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-03-11T10:00:00Z")));
    }

    @Test
    void recordsWhatIsDueAtTheInstantItIsGiven() {
        UUID due = store.add(workspace("Europe/Berlin"), LocalDate.parse("2025-03-20"));

        assertThat(service.recordDue(Instant.parse("2025-03-20T08:00:00Z"), 10)).isEqualTo(1);

        assertThat(store.events(due)).hasSize(1);
    }

    @Test
    void refusesABatchOfNothing() {
        assertThatThrownBy(() -> service.recordDue(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
