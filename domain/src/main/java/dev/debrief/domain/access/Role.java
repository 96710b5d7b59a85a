package dev.debrief.domain.access;

/** A member's role in one workspace. */
public enum Role {
    /** Members, vocabularies, taxonomy, keys: everything. */
    ADMIN,
    /** Everything on the workspace's deals and analyses. */
    MANAGER,
    /** Reads the workspace; writes deals (relation rules on own deals come with the next slice). */
    REP
}
