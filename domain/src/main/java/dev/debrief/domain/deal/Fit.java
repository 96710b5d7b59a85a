package dev.debrief.domain.deal;

/** Was the prospect one we should have pursued? WRONG_PROSPECT is a finding that teaches qualification. */
public enum Fit {
    GOOD_FIT, WRONG_PROSPECT
}
