package dev.debrief.application.port.in.insight;

/**
 * What losses are grouped by. A deal falls in one group of each grouping, except: its risk tags (one group
 * per tag) and, for REASON and REASON_CATEGORY, its contributing reasons (counted apart from the primary one,
 * which alone places the deal). Those say so ({@link #multiMembership()}): their shares may sum past 100 %.
 * CLOSED_QUARTER is internal (the control insight's quarters), not a grouping of the breakdown.
 */
public enum LossGrouping {
    REASON, REASON_CATEGORY, STAGE_LOST_AT, SEGMENT, PERSONA, TEAM, OWNER, COMPETITOR, LEAD_SOURCE, RISK_TAG, CLOSED_QUARTER;

    public boolean multiMembership() {
        return this == REASON || this == REASON_CATEGORY || this == RISK_TAG;
    }

    public boolean byReason() {
        return this == REASON || this == REASON_CATEGORY;
    }
}
