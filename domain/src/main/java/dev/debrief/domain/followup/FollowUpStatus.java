package dev.debrief.domain.followup;

/** OPEN until it is DONE or CANCELLED; both are final. */
public enum FollowUpStatus {
    OPEN, DONE, CANCELLED
}
