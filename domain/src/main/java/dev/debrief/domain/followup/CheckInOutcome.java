package dev.debrief.domain.followup;

/** What a check-in found: the buyer is ready to talk again (REOPENED: a win-back deal), or not (NO_OPPORTUNITY). */
public enum CheckInOutcome {
    REOPENED, NO_OPPORTUNITY
}
