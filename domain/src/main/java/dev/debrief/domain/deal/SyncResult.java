package dev.debrief.domain.deal;

/** What one partner state did to the deal it names. */
public enum SyncResult {
    /** A new deal. */
    CREATED,
    /** A newer state that changed the deal. */
    UPDATED,
    /** A state that changes nothing: a resend, or a newer state equal to what the deal holds. */
    UNCHANGED,
    /** A state older than the one the deal holds, or as old but different: ignored. */
    STALE
}
