package dev.debrief.domain.followup;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.Outcome;

/**
 * What a write to a deal means for its check-in. A deal qualifies while it is LOST with fit
 * GOOD_FIT. Becoming qualified (a close, a push, an analysis amended to GOOD_FIT) schedules one;
 * ceasing to qualify (a reopen, an analysis amended to WRONG_PROSPECT) cancels the open one; anything
 * else leaves it alone — so closing again, amending other fields or replaying a push never makes a
 * second one (and the partial unique index holds that even under concurrent writes).
 */
public enum CheckInChange {
    SCHEDULE, CANCEL, NONE;

    public static boolean qualifies(Deal deal) {
        return deal != null && deal.outcome() == Outcome.LOST && deal.lossAnalysis() != null
                && deal.lossAnalysis().fit() == Fit.GOOD_FIT;
    }

    public static CheckInChange between(boolean qualifiedBefore, Deal after) {
        boolean qualifiesNow = qualifies(after);
        if (qualifiesNow == qualifiedBefore) {
            return NONE;
        }
        return qualifiesNow ? SCHEDULE : CANCEL;
    }
}
