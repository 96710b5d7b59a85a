package dev.debrief.domain.activity;

/** Who reached whom: the buyer reached the team (INBOUND), the team reached the buyer (OUTBOUND), or neither (INTERNAL). */
public enum ActivityDirection {
    INBOUND, OUTBOUND, INTERNAL
}
