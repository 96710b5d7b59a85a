package dev.debrief.domain.access;

import dev.debrief.domain.audit.AuditEvent.ActorKind;

import java.util.Objects;
import java.util.UUID;

/** Who did something: a member, an API key, or the service itself (SYSTEM, no id). */
public record ActorRef(ActorKind kind, UUID id) {

    public static final ActorRef SYSTEM = new ActorRef(ActorKind.SYSTEM, null);

    public ActorRef {
        Objects.requireNonNull(kind);
        if ((kind == ActorKind.SYSTEM) != (id == null)) {
            throw new IllegalArgumentException("Only SYSTEM has no id");
        }
    }

    /** The caller behind {@code access}; null access is the system itself. */
    public static ActorRef of(Access access) {
        if (access == null) {
            return SYSTEM;
        }
        if (access.actor() instanceof Access.MemberActor member) {
            return new ActorRef(ActorKind.MEMBER, member.memberId().value());
        }
        return new ActorRef(ActorKind.API_KEY, ((Access.KeyActor) access.actor()).keyId().value());
    }

    /** The stored form: {@code MEMBER:<id>}, {@code API_KEY:<id>} or {@code SYSTEM}. */
    public String stored() {
        return id == null ? kind.name() : kind.name() + ":" + id;
    }

    public static ActorRef parse(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        return colon < 0 ? new ActorRef(ActorKind.valueOf(stored), null)
                : new ActorRef(ActorKind.valueOf(stored.substring(0, colon)), UUID.fromString(stored.substring(colon + 1)));
    }
}
