package dev.debrief.application.port.out.audit;

import dev.debrief.application.port.in.audit.AuditFilter;
import dev.debrief.domain.audit.AuditEvent;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public interface AuditLog {

    /** Appends an event, in the caller's transaction: it commits or rolls back with the change. */
    void record(AuditEvent event);

    /** Appends many events at once, in the caller's transaction. */
    default void recordAll(List<AuditEvent> events) {
        events.forEach(this::record);
    }

    /** Newest first (occurredAt, then id, descending), strictly after the given position when not null. */
    List<AuditEvent> page(WorkspaceId workspaceId, AuditFilter filter, Instant afterOccurredAt, UUID afterId, int limit);
}
