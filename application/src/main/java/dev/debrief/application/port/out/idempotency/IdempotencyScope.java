package dev.debrief.application.port.out.idempotency;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Objects;
import java.util.UUID;

/**
 * Whose idempotency keys these are: a workspace and one caller in it (a member or an API key). Two
 * callers may use the same key without ever seeing each other's answers.
 */
public record IdempotencyScope(WorkspaceId workspaceId, CallerKind callerKind, UUID callerId) {

    public enum CallerKind {
        MEMBER, KEY
    }

    public IdempotencyScope {
        Objects.requireNonNull(workspaceId, "workspace id");
        Objects.requireNonNull(callerKind, "caller kind");
        Objects.requireNonNull(callerId, "caller id");
    }

    public static IdempotencyScope of(Access access) {
        if (access.actor() instanceof Access.MemberActor member) {
            return new IdempotencyScope(access.workspaceId(), CallerKind.MEMBER, member.memberId().value());
        }
        if (access.actor() instanceof Access.KeyActor key) {
            return new IdempotencyScope(access.workspaceId(), CallerKind.KEY, key.keyId().value());
        }
        throw new IllegalArgumentException("Unknown actor " + access.actor());
    }
}
