package dev.debrief.domain.followup;

/** A CHECK_IN is scheduled by the service when a good-fit deal is lost; an ACTION_ITEM is written by people. */
public enum FollowUpKind {
    CHECK_IN, ACTION_ITEM
}
