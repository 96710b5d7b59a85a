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
        ActorKind kind = ActorKind.SYSTEM;
        UUID actor = null;
        if (access != null && access.actor() instanceof Access.MemberActor member) {
            kind = ActorKind.MEMBER;
            actor = member.memberId().value();
        } else if (access != null && access.actor() instanceof Access.KeyActor key) {
            kind = ActorKind.API_KEY;
            actor = key.keyId().value();
        }
        return new AuditEvent(Ids.newId(), workspaceId, now, kind, actor, resource, resourceId, action, changedFields,
                requestId);
    }
}
