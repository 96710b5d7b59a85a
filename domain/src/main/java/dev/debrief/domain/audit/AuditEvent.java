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

    /** Bounds of what the code writes (resources, actions and field names are ours; a request id is 1–100 characters). */
    public static final int MAX_NAME = 50;
    public static final int MAX_FIELDS = 50;
    public static final int MAX_FIELD = 100;
    public static final int MAX_REQUEST_ID = 100;

    public AuditEvent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(workspaceId);
        Objects.requireNonNull(occurredAt);
        Objects.requireNonNull(actorKind);
        Objects.requireNonNull(resource);
        Objects.requireNonNull(action);
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
        if (resource.length() > MAX_NAME || action.length() > MAX_NAME || changedFields.size() > MAX_FIELDS
                || changedFields.stream().anyMatch(f -> f.length() > MAX_FIELD)
                || requestId != null && requestId.length() > MAX_REQUEST_ID) {
            throw new IllegalArgumentException("An audit event names its resource, action, fields and request within the trail's bounds");
        }
    }

    /** An event by the caller behind {@code access} (null access: the system itself). */
    public static AuditEvent of(Access access, WorkspaceId workspaceId, String resource, UUID resourceId, String action,
                                List<String> changedFields, String requestId, Instant now) {
        dev.debrief.domain.access.ActorRef actor = dev.debrief.domain.access.ActorRef.of(access);
        return new AuditEvent(Ids.newId(), workspaceId, now, actor.kind(), actor.id(), resource, resourceId, action, changedFields,
                requestId);
    }
}
