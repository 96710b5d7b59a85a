package dev.debrief.domain.activity;

/** What kind of touch an activity was. A NOTE is never a touch: the response time ignores it. */
public enum ActivityType {
    CALL, EMAIL, MEETING, NOTE
}
