package dev.debrief.domain.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an operation needs, and which roles and key scopes grant it. This enum is the
 * authorization matrix: the REST adapter enforces it and publishes it in the contract
 * ({@code x-roles}, {@code x-scopes}), and docs/authorization.md explains it.
 */
public enum Right {
    /** Read anything in the workspace. */
    READ(EnumSet.allOf(Role.class), EnumSet.of(Scope.DEALS_READ, Scope.DEALS_WRITE, Scope.ADMIN)),
    /**
     * Read the insights (loss breakdown, trend, repeating issues, control): aggregates of the deals a caller
     * may read, so every member has it, like {@link #READ}; keys need insights:read, or a deals scope (a key
     * that reads the deals could compute the same numbers itself), or admin.
     */
    READ_INSIGHTS(EnumSet.allOf(Role.class), EnumSet.of(Scope.INSIGHTS_READ, Scope.DEALS_READ, Scope.DEALS_WRITE, Scope.ADMIN)),
    /** Create, change, close, reopen, delete deals and their analyses. */
    WRITE_DEALS(EnumSet.allOf(Role.class), EnumSet.of(Scope.DEALS_WRITE, Scope.ADMIN)),
    /**
     * Push deal states from a partner system (ingest by external id): it writes any deal without the
     * owner rules and If-Match, so people need ADMIN; keys need deals:write.
     */
    INGEST_DEALS(EnumSet.of(Role.ADMIN), EnumSet.of(Scope.DEALS_WRITE, Scope.ADMIN)),
    /** Propose a lesson. */
    WRITE_LESSONS(EnumSet.allOf(Role.class), EnumSet.of(Scope.ADMIN)),
    /** Edit lessons and move them through their lifecycle (adopt, retire). */
    MANAGE_LESSONS(EnumSet.of(Role.ADMIN, Role.MANAGER), EnumSet.of(Scope.ADMIN)),
    /** Endorse a lesson, or withdraw one's endorsement: members only, a key has no one to endorse as. */
    ENDORSE(EnumSet.allOf(Role.class), EnumSet.noneOf(Scope.class)),
    /**
     * Create, change, complete and cancel follow-ups (check-ins and action items). A REP handles the ones
     * assigned to them ({@code x-relation: assignee}); managers and admins anyone's; keys need deals:write.
     */
    WRITE_FOLLOW_UPS(EnumSet.allOf(Role.class), EnumSet.of(Scope.DEALS_WRITE, Scope.ADMIN)),
    /** Keep one's own action plan (add, check off, remove plan items): members only, for themselves. */
    PLAN(EnumSet.allOf(Role.class), EnumSet.noneOf(Scope.class)),
    /** The workspace itself, its vocabularies, taxonomy and API keys. */
    ADMINISTER(EnumSet.of(Role.ADMIN), EnumSet.of(Scope.ADMIN));

    private final Set<Role> roles;
    private final Set<Scope> scopes;

    Right(Set<Role> roles, Set<Scope> scopes) {
        this.roles = roles;
        this.scopes = scopes;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public Set<Scope> scopes() {
        return EnumSet.copyOf(scopes);
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }

    public boolean grantedBy(Set<Scope> keyScopes) {
        return keyScopes.stream().anyMatch(scopes::contains);
    }
}
