package dev.debrief.domain.access;

import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Set;

/** A caller inside one workspace: a member with a role, or a key with scopes. */
public record Access(WorkspaceId workspaceId, Actor actor) {

    public sealed interface Actor {
    }

    public record MemberActor(MemberId memberId, Role role) implements Actor {
    }

    public record KeyActor(ApiKeyId keyId, Set<Scope> scopes) implements Actor {
    }

    /**
     * The member behind the call when it is a REP, whose relation rules (own deals, own follow-ups, own
     * plan) apply; null for managers, admins and keys.
     */
    public MemberId rep() {
        return actor instanceof MemberActor member && member.role() == Role.REP ? member.memberId() : null;
    }

    /** @throws Forbidden when neither the role nor a scope grants {@code right} */
    public Access require(Right right) {
        if (actor instanceof MemberActor member) {
            if (!right.grantedTo(member.role())) {
                throw new Forbidden("Your role " + member.role() + " does not allow this; it needs one of " + right.roles());
            }
        } else if (actor instanceof KeyActor key && !right.grantedBy(key.scopes())) {
            throw new Forbidden("This API key's scopes do not allow this; it needs one of "
                    + right.scopes().stream().map(Scope::value).toList());
        }
        return this;
    }
}
