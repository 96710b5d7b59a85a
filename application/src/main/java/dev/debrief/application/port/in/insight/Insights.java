package dev.debrief.application.port.in.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The read models of the insights; every number is aggregated in the database. */
public final class Insights {

    private Insights() {
    }

    /** part / whole as a fraction with 4 decimals (0.3333), or null when there is no whole. */
    public static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** A sum of money in one currency. */
    public record Amount(String currency, BigDecimal value) {
    }

    /**
     * What a group is: a vocabulary entry, loss reason or member ({@code id}, with its code or email and
     * name), a category, risk tag or quarter ({@code code} and a readable name), a competitor (its text as
     * {@code code}, lower-cased, and as written), or the deals without a value ({@code none}: all null but the name).
     */
    public record GroupRef(UUID id, String code, String name, boolean none) {
    }

    /**
     * One group's losses. {@code controllableDeals}: the primary reason was decided controllable;
     * {@code undecidedDeals}: no decision yet (no primary reason, or a partner's PENDING_TRIAGE analysis);
     * {@code contributingDeals}: for reason groupings, deals where the reason (or one of the category) only contributed.
     */
    public record GroupFigures(GroupRef group, long lostDeals, List<Amount> amounts, long controllableDeals,
                               long undecidedDeals, long wrongProspectDeals, Long contributingDeals) {
    }

    public record LossBreakdown(LocalDate from, LocalDate to, LossGrouping groupBy, boolean multiMembership,
                                long lostDeals, List<Amount> amounts, List<GroupFigures> groups, boolean truncated) {
    }

    public enum Interval { WEEK, MONTH, QUARTER }

    /** A period's measures; {@code lostDeals} are of the measured outcome (LOST unless the filter says NO_DECISION). */
    public record PeriodFigures(long lostDeals, List<Amount> amounts, long controllableDeals, long wrongProspectDeals,
                                long wonDeals, long noDecisionDeals, long closedDeals) {

        public BigDecimal winRate() {
            return share(wonDeals, closedDeals);
        }

        public BigDecimal noDecisionRate() {
            return share(noDecisionDeals, closedDeals);
        }

        public BigDecimal controllableShare() {
            return share(controllableDeals, lostDeals);
        }

        public BigDecimal wrongProspectShare() {
            return share(wrongProspectDeals, lostDeals);
        }
    }

    /** A period of the trend (the whole calendar period), with the previous one and the same one a year earlier. */
    public record TrendPeriod(LocalDate start, LocalDate end, PeriodFigures figures, LocalDate previousStart,
                              PeriodFigures previous, LocalDate yearEarlierStart, PeriodFigures yearEarlier) {
    }

    public record Trend(LocalDate from, LocalDate to, Interval interval, List<TrendPeriod> periods) {
    }

    /** A deal named as an example. */
    public record DealRef(UUID id, String name, LocalDate closedOn) {
    }

    /**
     * A reason or category that recurs across {@code groups} (teams or owners); {@code lostDeals} have it as
     * primary or contributing reason, {@code primaryDeals} as primary.
     */
    public record RepeatingIssue(GroupRef issue, List<GroupRef> groups, long lostDeals, long primaryDeals,
                                 List<DealRef> examples) {
    }

    public enum IssueLevel { REASON, REASON_CATEGORY }

    public enum IssueSpread { TEAM, OWNER }

    public record RepeatingIssues(LocalDate from, LocalDate to, IssueLevel level, IssueSpread across, int minGroups,
                                  List<RepeatingIssue> issues, boolean truncated) {
    }

    /** An account (matched by its name, ignoring case and surrounding blanks) lost more than once. */
    public record RepeatLoss(String account, long lostDeals, long noDecisionDeals, LocalDate lastClosedOn,
                             List<DealRef> deals) {
    }

    public record RepeatLosses(LocalDate from, LocalDate to, List<RepeatLoss> accounts, boolean truncated) {
    }

    public record Control(LocalDate from, LocalDate to, GroupFigures overall, List<GroupFigures> teams,
                          List<GroupFigures> owners, List<GroupFigures> quarters, List<GroupFigures> riskTags) {
    }
}
