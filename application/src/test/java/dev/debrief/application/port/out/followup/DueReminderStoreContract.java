package dev.debrief.application.port.out.followup;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.domain.followup.FollowUpStatus;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DueReminderStore} does. The store looks at every workspace, so the contract works in
 * 2001: nothing another test leaves open is due then, and each test cancels the follow-ups it left open.
 */
public abstract class DueReminderStoreContract extends RepositoryContract {

    /** Noon on 10 January 2001 in Berlin, where the contract's workspaces are. */
    protected static final Instant NOON = Instant.parse("2001-01-10T11:00:00Z");
    protected static final LocalDate TODAY = LocalDate.parse("2001-01-10");

    /** An event the store recorded, as its reader sees it. */
    public record RecordedEvent(UUID workspaceId, String type, UUID subjectId, String dedupKey, LocalDate dueOn,
                                Instant occurredAt) {
    }

    protected abstract DueReminderStore store();

    /** A new open follow-up (an action item with an assignee) of the workspace, due on that date. */
    protected abstract UUID givenFollowUp(WorkspaceId workspace, LocalDate dueOn);

    /** Resolves or reopens a follow-up, as its owner would. */
    protected abstract void setStatus(UUID followUp, FollowUpStatus status);

    /** Moves a follow-up's due date, as its owner would. */
    protected abstract void moveDueDate(UUID followUp, LocalDate dueOn);

    /** The events recorded about a follow-up, oldest due date first. */
    protected abstract List<RecordedEvent> events(UUID followUp);

    private final List<UUID> made = new ArrayList<>();

    @AfterEach
    void cancelWhatIsLeftOpen() {
        made.forEach(id -> setStatus(id, FollowUpStatus.CANCELLED));
    }

    protected WorkspaceId newWorkspace(String timeZone) {
        Workspace workspace = Workspace.create("Due " + UUID.randomUUID(), timeZone, "EUR", EPOCH);
        inTransaction(() -> workspaces().save(workspace));
        return workspace.id();
    }

    protected UUID followUp(WorkspaceId workspace, LocalDate dueOn) {
        UUID id = givenFollowUp(workspace, dueOn);
        made.add(id);
        return id;
    }

    protected int recordDue(Instant now, int batchSize) {
        return inTransaction(() -> store().recordDue(now, batchSize));
    }

    /** Batches until one takes nothing (a store that never runs out fails); returns how many they took in all. */
    protected int recordAllDue(Instant now) {
        int total = 0;
        for (int batch = 0; batch < 20; batch++) {
            int taken = recordDue(now, 100);
            if (taken == 0) {
                return total;
            }
            total += taken;
        }
        throw new AssertionError("the store still takes follow-ups after 20 batches: it takes some again and again");
    }

    @Test
    void recordsOneEventForAFollowUpDueToday() {
        WorkspaceId ws = newWorkspace("Europe/Berlin");
        UUID due = followUp(ws, TODAY);

        assertThat(recordAllDue(NOON)).isEqualTo(1);

        assertThat(events(due)).containsExactly(new RecordedEvent(ws.value(), DueReminderStore.EVENT_TYPE, due,
                "follow-up.due:" + due + ":2001-01-10", TODAY, NOON));
    }

    @Test
    void recordsOverdueFollowUpsAndNotThoseDueLater() {
        WorkspaceId ws = newWorkspace("Europe/Berlin");
        UUID overdue = followUp(ws, TODAY.minusDays(30));
        UUID tomorrow = followUp(ws, TODAY.plusDays(1));

        assertThat(recordAllDue(NOON)).isEqualTo(1);

        assertThat(events(overdue)).extracting(RecordedEvent::dueOn).containsExactly(TODAY.minusDays(30));
        assertThat(events(tomorrow)).isEmpty();
    }

    @Test
    void recordsNothingForDoneOrCancelledFollowUps() {
        WorkspaceId ws = newWorkspace("Europe/Berlin");
        UUID done = followUp(ws, TODAY.minusDays(1));
        UUID cancelled = followUp(ws, TODAY.minusDays(1));
        setStatus(done, FollowUpStatus.DONE);
        setStatus(cancelled, FollowUpStatus.CANCELLED);

        assertThat(recordAllDue(NOON)).isZero();

        assertThat(events(done)).isEmpty();
        assertThat(events(cancelled)).isEmpty();
    }

    @Test
    void recordsNothingNewWhenRunAgain() {
        WorkspaceId ws = newWorkspace("Europe/Berlin");
        UUID due = followUp(ws, TODAY);
        recordAllDue(NOON);

        assertThat(recordAllDue(NOON)).isZero();
        assertThat(recordAllDue(NOON.plusSeconds(86_400 * 3))).isZero();

        assertThat(events(due)).hasSize(1);
    }

    @Test
    void recordsASecondEventWhenAMovedDueDateComes() {
        WorkspaceId ws = newWorkspace("Europe/Berlin");
        UUID due = followUp(ws, TODAY);
        recordAllDue(NOON);
        LocalDate later = TODAY.plusDays(7);
        moveDueDate(due, later);

        assertThat(recordAllDue(NOON.plusSeconds(86_400 * 6))).isZero();
        assertThat(recordAllDue(NOON.plusSeconds(86_400 * 7))).isEqualTo(1);
        assertThat(recordAllDue(NOON.plusSeconds(86_400 * 8))).isZero();

        assertThat(events(due)).extracting(RecordedEvent::dedupKey)
                .containsExactly("follow-up.due:" + due + ":2001-01-10", "follow-up.due:" + due + ":2001-01-17");
    }

    @Test
    void recordsNoSecondEventForADueDateMovedBackToOneAlreadyReminded() {
        WorkspaceId ws = newWorkspace("Europe/Berlin");
        UUID due = followUp(ws, TODAY);
        recordAllDue(NOON);
        moveDueDate(due, TODAY.plusDays(1));
        recordAllDue(NOON.plusSeconds(86_400));
        moveDueDate(due, TODAY);

        recordAllDue(NOON.plusSeconds(86_400));
        recordAllDue(NOON.plusSeconds(86_400 * 2));

        assertThat(events(due)).extracting(RecordedEvent::dueOn).containsExactly(TODAY, TODAY.plusDays(1));
    }

    @Test
    void aDateIsDueWhenItHasComeInTheWorkspacesTimeZone() {
        // 2001-01-10T12:00Z is already 11 January (01:00) in Auckland and still 10 January (04:00) in Los Angeles.
        Instant now = Instant.parse("2001-01-10T12:00:00Z");
        LocalDate jan11 = LocalDate.parse("2001-01-11");
        UUID auckland = followUp(newWorkspace("Pacific/Auckland"), jan11);
        UUID losAngeles = followUp(newWorkspace("America/Los_Angeles"), jan11);

        assertThat(recordAllDue(now)).isEqualTo(1);
        assertThat(events(auckland)).extracting(RecordedEvent::dueOn).containsExactly(jan11);
        assertThat(events(losAngeles)).isEmpty();

        // 08:00 on 11 January in Los Angeles
        assertThat(recordAllDue(Instant.parse("2001-01-11T16:00:00Z"))).isEqualTo(1);
        assertThat(events(losAngeles)).extracting(RecordedEvent::dueOn).containsExactly(jan11);
    }

    @Test
    void aBatchTakesAtMostItsSizeEarliestDueDateFirst() {
        WorkspaceId ws = newWorkspace("Europe/Berlin");
        UUID third = followUp(ws, TODAY.minusDays(1));
        UUID first = followUp(ws, TODAY.minusDays(3));
        UUID second = followUp(ws, TODAY.minusDays(2));

        assertThat(recordDue(NOON, 2)).isEqualTo(2);
        assertThat(events(first)).hasSize(1);
        assertThat(events(second)).hasSize(1);
        assertThat(events(third)).isEmpty();

        assertThat(recordDue(NOON, 2)).isEqualTo(1);
        assertThat(events(third)).hasSize(1);
        assertThat(recordDue(NOON, 2)).isZero();
    }
}
