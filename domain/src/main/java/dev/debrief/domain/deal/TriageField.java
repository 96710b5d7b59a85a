package dev.debrief.domain.deal;

/** A field of a partner-pushed deal whose value matched nothing in Debrief and waits for triage. */
public enum TriageField {
    OWNER, TEAM, STAGE, SEGMENT, PERSONA, LEAD_SOURCE, STAGE_LOST_AT
}
