package dev.debrief.application.fake;

import dev.debrief.application.port.out.followup.DueReminderStore;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.domain.followup.FollowUpStatus;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Follow-ups (just what due reminders need of them) and the outbox in maps; the workspaces' time zones
 * come from their repository. Nothing is held by another transaction here, so a batch takes every due
 * follow-up up to its size.
 */
public class InMemoryDueReminderStore implements DueReminderStore {

    /** An outbox event as the store recorded it. */
    public record Event(UUID workspaceId, String type, UUID subjectId, String dedupKey, LocalDate dueOn,
                        Instant occurredAt) {
    }

    private static final class Row {
        final UUID id;
        final WorkspaceId workspaceId;
        LocalDate dueOn;
        FollowUpStatus status = FollowUpStatus.OPEN;
        LocalDate recordedFor;

        Row(UUID id, WorkspaceId workspaceId, LocalDate dueOn) {
            this.id = id;
            this.workspaceId = workspaceId;
            this.dueOn = dueOn;
        }
    }

    private final WorkspaceRepository workspaces;
    private final Map<UUID, Row> followUps = new HashMap<>();
    private final Map<String, Event> outbox = new LinkedHashMap<>();

    public InMemoryDueReminderStore(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    /** A new open follow-up of the workspace, due on that date. */
    public synchronized UUID add(WorkspaceId workspace, LocalDate dueOn) {
        UUID id = Ids.newId();
        followUps.put(id, new Row(id, workspace, dueOn));
        return id;
    }

    public synchronized void setStatus(UUID followUp, FollowUpStatus status) {
        followUps.get(followUp).status = status;
    }

    public synchronized void moveDueDate(UUID followUp, LocalDate dueOn) {
        followUps.get(followUp).dueOn = dueOn;
    }

    /** The events about a follow-up, earliest due date first. */
    public synchronized List<Event> events(UUID followUp) {
        return outbox.values().stream().filter(e -> e.subjectId().equals(followUp))
                .sorted(Comparator.comparing(Event::dueOn)).toList();
    }

    @Override
    public synchronized int recordDue(Instant now, int batchSize) {
        List<Row> due = followUps.values().stream()
                .filter(r -> r.status == FollowUpStatus.OPEN && !Objects.equals(r.recordedFor, r.dueOn))
                .filter(r -> !r.dueOn.isAfter(now.atZone(zone(r.workspaceId)).toLocalDate()))
                // PostgreSQL orders uuids byte by byte, unsigned: as their hex text does
                .sorted(Comparator.<Row, LocalDate>comparing(r -> r.dueOn).thenComparing(r -> r.id.toString()))
                .limit(batchSize)
                .toList();
        for (Row r : due) {
            String key = EVENT_TYPE + ":" + r.id + ":" + r.dueOn;
            outbox.putIfAbsent(key, new Event(r.workspaceId.value(), EVENT_TYPE, r.id, key, r.dueOn, now));
            r.recordedFor = r.dueOn;
        }
        return due.size();
    }

    private ZoneId zone(WorkspaceId workspace) {
        return workspaces.findById(workspace).orElseThrow().timeZone();
    }
}
