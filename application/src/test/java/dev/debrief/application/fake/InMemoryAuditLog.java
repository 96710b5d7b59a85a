package dev.debrief.application.fake;

import dev.debrief.application.port.in.audit.AuditFilter;
import dev.debrief.application.port.out.audit.AuditLog;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.domain.audit.AuditEvent;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The audit trail in a list, newest first by (occurredAt, id) like the table. */
public class InMemoryAuditLog implements AuditLog {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public synchronized List<AuditEvent> page(WorkspaceId workspaceId, AuditFilter filter, Instant afterOccurredAt,
                                              UUID afterId, int limit) {
        Comparator<AuditEvent> newestFirst = Comparator.comparing(AuditEvent::occurredAt)
                .thenComparing(AuditEvent::id, DealSort::compareUuids).reversed();
        return events.stream()
                .filter(e -> e.workspaceId().equals(workspaceId))
                .filter(e -> filter.actorId() == null || filter.actorId().equals(e.actorId()))
                .filter(e -> filter.resource() == null || filter.resource().equals(e.resource()))
                .filter(e -> filter.from() == null || !e.occurredAt().isBefore(filter.from()))
                .filter(e -> filter.to() == null || e.occurredAt().isBefore(filter.to()))
                .filter(e -> afterOccurredAt == null || e.occurredAt().isBefore(afterOccurredAt)
                        || e.occurredAt().equals(afterOccurredAt) && DealSort.compareUuids(e.id(), afterId) < 0)
                .sorted(newestFirst)
                .limit(limit)
                .toList();
    }

    public synchronized List<AuditEvent> all() {
        return List.copyOf(events);
    }
}
