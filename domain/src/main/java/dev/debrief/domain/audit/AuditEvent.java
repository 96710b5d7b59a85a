package dev.debrief.domain.audit;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One write, as the audit trail keeps it: who (a member, a key, or the system), what (resource,
 * its id, the action, the fields it changed), when, and the request it came with.
 */
public record AuditEvent(UUID id, WorkspaceId workspaceId, Instant occurredAt, ActorKind actorKind, UUID actorId,
                         String resource, UUID resourceId, String action, List<String> changedFields,
                         String requestId) {

    public enum ActorKind { MEMBER, API_KEY, SYSTEM }

    public AuditEvent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(workspaceId);
        Objects.requireNonNull(occurredAt);
        Objects.requireNonNull(actorKind);
        Objects.requireNonNull(resource);
        Objects.requireNonNull(action);
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    /** An event by the caller behind {@code access} (null access: the system itself). */
    public static AuditEvent of(Access access, WorkspaceId workspaceId, String resource, UUID resourceId, String action,
                                List<String> changedFields, String requestId, Instant now) {
        dev.debrief.domain.access.ActorRef actor = dev.debrief.domain.access.ActorRef.of(access);
        return new AuditEvent(Ids.newId(), workspaceId, now, actor.kind(), actor.id(), resource, resourceId, action, changedFields,
                requestId);
    }
}
