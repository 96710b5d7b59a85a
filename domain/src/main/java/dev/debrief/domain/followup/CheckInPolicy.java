package dev.debrief.domain.followup;

import dev.debrief.domain.deal.ContractTerm;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.shared.RuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * When to check in on a lost deal (seed 004: a deal pitched on a one-year contract is worth a call
 * nine months after the pitch — situations change). Only a LOST deal with fit GOOD_FIT gets a
 * check-in; a WRONG_PROSPECT loss gets none.
 *
 * <p>Due date: the pitch date (or the closed date when there is none) plus {@code term × ratio} —
 * whole months added as calendar months (a month end stays a month end: 31 May + 9 months is the last
 * day of February), the fractional month as {@code round(fraction × 30)} days, half up — and never
 * earlier than the closed date + 7 days. The ratio (default 0.75) and the term assumed when none was
 * pitched (default 12 months) are workspace settings.
 */
public record CheckInPolicy(BigDecimal ratio, ContractTerm assumedTerm) {

    public static final CheckInPolicy DEFAULT = new CheckInPolicy(new BigDecimal("0.75"), new ContractTerm(12));
    public static final int FLOOR_DAYS = 7;

    public CheckInPolicy {
        Objects.requireNonNull(assumedTerm, "assumedTerm");
        if (ratio == null || ratio.signum() <= 0 || ratio.compareTo(BigDecimal.valueOf(2)) > 0) {
            throw new RuleViolation("check-in.ratio-out-of-range", "The check-in ratio is above 0 and at most 2", "checkInRatio");
        }
        ratio = ratio.stripTrailingZeros();
        if (ratio.scale() > 3) {
            throw new RuleViolation("check-in.ratio-out-of-range", "The check-in ratio has at most three decimals", "checkInRatio");
        }
    }

    /** The check-in's due date for a closed deal, or empty when it gets none. */
    public Optional<LocalDate> dueDate(Outcome outcome, Fit fit, LocalDate pitchedAt, ContractTerm pitchedTerm,
                                       LocalDate closedOn) {
        if (outcome != Outcome.LOST || fit != Fit.GOOD_FIT) {
            return Optional.empty();
        }
        Objects.requireNonNull(closedOn, "closedOn");
        ContractTerm term = pitchedTerm == null ? assumedTerm : pitchedTerm;
        BigDecimal months = ratio.multiply(BigDecimal.valueOf(term.months()));
        int whole = months.setScale(0, RoundingMode.FLOOR).intValueExact();
        int days = months.subtract(BigDecimal.valueOf(whole)).multiply(BigDecimal.valueOf(30))
                .setScale(0, RoundingMode.HALF_UP).intValueExact();
        LocalDate due = (pitchedAt == null ? closedOn : pitchedAt).plusMonths(whole).plusDays(days);
        LocalDate floor = closedOn.plusDays(FLOOR_DAYS);
        return Optional.of(due.isBefore(floor) ? floor : due);
    }
}
