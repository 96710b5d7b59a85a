package dev.debrief.adapter.rest.insight;

import dev.debrief.application.port.in.insight.Insights;
import dev.debrief.application.port.in.insight.Insights.Amount;
import dev.debrief.application.port.in.insight.Insights.DealRef;
import dev.debrief.application.port.in.insight.Insights.GroupFigures;
import dev.debrief.application.port.in.insight.Insights.GroupRef;
import dev.debrief.application.port.in.insight.Insights.PeriodFigures;
import dev.debrief.application.port.in.insight.Insights.TrendPeriod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.UUID;

/** The insights as JSON: every number is in the answer, every group named, so a chart needs no second call. */
public final class InsightResponses {

    static final String COUNT_MAX = "9223372036854775807";
    static final String SHARE = "A fraction from 0 to 1 with 4 decimals (0.25 is 25 %)";
    static final int NAME_MAX = 320;

    private InsightResponses() {
    }

    @Schema(name = "AmountTotal", description = "A sum of amounts in one currency")
    public record AmountTotal(
            @Schema(description = "ISO 4217", maxLength = 3, examples = "EUR") String currency,
            @Schema(description = "The sum, 2 fraction digits", minimum = "0", maximum = "99999999999999999999999.99", examples = "148000.00") BigDecimal value) {

        static List<AmountTotal> of(List<Amount> amounts) {
            return amounts.stream().map(a -> new AmountTotal(a.currency(), a.value())).toList();
        }
    }

    @Schema(name = "InsightGroup", description = "What a group is: a vocabulary entry, reason or member (id, code or email, name); a "
            + "category, risk tag or quarter (code, readable name); a competitor (code: its name lower-cased); or the deals "
            + "without a value (none: true, id and code null)")
    public record Group(
            @Schema(description = "The entry's, reason's or member's id; null for categories, risk tags, quarters, competitors and none", nullable = true) UUID id,
            @Schema(description = "The code, the member's email, or the competitor lower-cased; null for none", maxLength = NAME_MAX,
                    nullable = true, examples = "SLOW_RESPONSE") String code,
            @Schema(description = "What a person reads", maxLength = NAME_MAX, examples = "Slow response, missed call or email") String name,
            @Schema(description = "The group of deals without a value") boolean none) {

        static Group of(GroupRef ref) {
            return new Group(ref.id(), ref.code(), ref.name(), ref.none());
        }
    }

    @Schema(name = "LossGroup", description = "The losses of one group")
    public record LossGroup(
            Group group,
            @Schema(description = "Lost deals in the group (for reason groupings: with it as primary reason)", minimum = "0", maximum = COUNT_MAX, examples = "12") long lostDeals,
            @Schema(description = "Of all the losses counted; null when there are none. " + SHARE, minimum = "0", maximum = "1", nullable = true, examples = "0.25") BigDecimal share,
            @Schema(description = "Their amounts, per currency (deals without an amount add nothing)", maxItems = 200) List<AmountTotal> amounts,
            @Schema(description = "Of lostDeals, those whose primary reason was decided controllable", minimum = "0", maximum = COUNT_MAX) long controllableDeals,
            @Schema(description = "controllableDeals / lostDeals; null when lostDeals is 0", minimum = "0", maximum = "1", nullable = true) BigDecimal controllableShare,
            @Schema(description = "Of lostDeals, those without a decision yet (no primary reason, or a partner analysis waiting for triage)", minimum = "0", maximum = COUNT_MAX) long undecidedDeals,
            @Schema(description = "Of lostDeals, those whose analysis says WRONG_PROSPECT", minimum = "0", maximum = COUNT_MAX) long wrongProspectDeals,
            @Schema(description = "wrongProspectDeals / lostDeals; null when lostDeals is 0", minimum = "0", maximum = "1", nullable = true) BigDecimal wrongProspectShare,
            @Schema(description = "Reason groupings only (null otherwise): lost deals where the reason (or one of the category) contributed, counted apart from lostDeals",
                    minimum = "0", maximum = COUNT_MAX, nullable = true) Long contributingDeals,
            @Schema(description = "contributingDeals over all losses counted; null when not a reason grouping or no losses", minimum = "0", maximum = "1", nullable = true) BigDecimal contributingShare) {

        static LossGroup of(GroupFigures g, long total) {
            return new LossGroup(Group.of(g.group()), g.lostDeals(), Insights.share(g.lostDeals(), total), AmountTotal.of(g.amounts()),
                    g.controllableDeals(), Insights.share(g.controllableDeals(), g.lostDeals()), g.undecidedDeals(),
                    g.wrongProspectDeals(), Insights.share(g.wrongProspectDeals(), g.lostDeals()), g.contributingDeals(),
                    g.contributingDeals() == null ? null : Insights.share(g.contributingDeals(), total));
        }
    }

    @Schema(name = "LossBreakdown", description = "Losses closed in the period, grouped")
    public record LossBreakdown(
            @Schema(examples = "2025-12-08") LocalDate from,
            @Schema(examples = "2026-12-07") LocalDate to,
            @Schema(enumeration = {"reason", "reasonCategory", "stageLostAt", "segment", "persona", "team", "owner", "competitor",
                    "leadSource", "riskTag"}, maxLength = 20, examples = "reason") String groupBy,
            @Schema(description = "true when a deal can be in several groups (risk tags; for reason groupings, the contributing "
                    + "counts): those shares may sum past 1") boolean multiMembership,
            @Schema(description = "All losses counted (each deal once)", minimum = "0", maximum = COUNT_MAX, examples = "48") long lostDeals,
            @Schema(description = "Their amounts, per currency", maxItems = 200) List<AmountTotal> amounts,
            @Schema(description = "Largest first, the none group last; at most 1000", maxItems = 1000) List<LossGroup> groups,
            @Schema(description = "true when there were more than 1000 groups (competitors): the smallest are left out") boolean truncated) {
    }

    @Schema(name = "TrendComparison", description = "A period to compare with, and the change to the period shown")
    public record Comparison(
            @Schema(description = "The first day of that period", examples = "2025-03-01") LocalDate start,
            @Schema(description = "Its losses", minimum = "0", maximum = COUNT_MAX, examples = "8") long lostDeals,
            @Schema(description = "The period's losses minus these", minimum = "-9223372036854775807", maximum = COUNT_MAX, examples = "4") long lostDealsChange,
            @Schema(description = "lostDealsChange relative to these losses (0.5 is 50 % more); null when there were none",
                    minimum = "-1", maximum = "9223372036854775807", nullable = true, examples = "0.5") BigDecimal lostDealsChangeRatio,
            @Schema(description = "Its win rate; null without closed deals", minimum = "0", maximum = "1", nullable = true) BigDecimal winRate,
            @Schema(description = "The period's win rate minus this one (in fractions: 0.05 is 5 points); null when either is null",
                    minimum = "-1", maximum = "1", nullable = true) BigDecimal winRateChange) {

        static Comparison of(LocalDate start, PeriodFigures other, PeriodFigures now) {
            long change = now.lostDeals() - other.lostDeals();
            BigDecimal ratio = other.lostDeals() == 0 ? null
                    : BigDecimal.valueOf(change).divide(BigDecimal.valueOf(other.lostDeals()), 4, java.math.RoundingMode.HALF_UP);
            BigDecimal winRateChange = now.winRate() == null || other.winRate() == null ? null : now.winRate().subtract(other.winRate());
            return new Comparison(start, other.lostDeals(), change, ratio, other.winRate(), winRateChange);
        }
    }

    @Schema(name = "TrendPeriod", description = "One period: its losses, win and no-decision rates, and how it compares")
    public record Period(
            @Schema(description = "2026-W10, 2026-03 or 2026-Q1", maxLength = 8, examples = "2026-03") String label,
            @Schema(examples = "2026-03-01") LocalDate start,
            @Schema(description = "Last day, included", examples = "2026-03-31") LocalDate end,
            @Schema(description = "Losses closed in the period", minimum = "0", maximum = COUNT_MAX, examples = "12") long lostDeals,
            @Schema(description = "Their amounts, per currency", maxItems = 200) List<AmountTotal> amounts,
            @Schema(description = "Share of the losses whose primary reason was controllable; null without losses", minimum = "0", maximum = "1", nullable = true) BigDecimal controllableShare,
            @Schema(description = "Share of the losses that were the wrong prospect; null without losses", minimum = "0", maximum = "1", nullable = true) BigDecimal wrongProspectShare,
            @Schema(minimum = "0", maximum = COUNT_MAX) long wonDeals,
            @Schema(minimum = "0", maximum = COUNT_MAX) long noDecisionDeals,
            @Schema(description = "WON, LOST and NO_DECISION deals closed in the period", minimum = "0", maximum = COUNT_MAX) long closedDeals,
            @Schema(description = "wonDeals / closedDeals; null without closed deals", minimum = "0", maximum = "1", nullable = true) BigDecimal winRate,
            @Schema(description = "noDecisionDeals / closedDeals; null without closed deals", minimum = "0", maximum = "1", nullable = true) BigDecimal noDecisionRate,
            @Schema(description = "Against the period before") Comparison previous,
            @Schema(description = "Against the same period a year earlier (52 weeks for a week)") Comparison yearEarlier) {

        static Period of(TrendPeriod p, Insights.Interval interval) {
            PeriodFigures f = p.figures();
            return new Period(label(p.start(), interval), p.start(), p.end(), f.lostDeals(), AmountTotal.of(f.amounts()),
                    f.controllableShare(), f.wrongProspectShare(), f.wonDeals(), f.noDecisionDeals(), f.closedDeals(),
                    f.winRate(), f.noDecisionRate(), Comparison.of(p.previousStart(), p.previous(), f),
                    Comparison.of(p.yearEarlierStart(), p.yearEarlier(), f));
        }

        static String label(LocalDate start, Insights.Interval interval) {
            return switch (interval) {
                case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
                case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            };
        }
    }

    @Schema(name = "Trend", description = "Losses, win rate and no-decision rate per period; every period of the range is there, empty ones with zeros")
    public record Trend(
            @Schema(description = "The first day of the first period (the asked from, widened to its period)", examples = "2025-12-01") LocalDate from,
            @Schema(description = "The last day of the last period", examples = "2026-12-31") LocalDate to,
            @Schema(enumeration = {"WEEK", "MONTH", "QUARTER"}, maxLength = 7, examples = "MONTH") String interval,
            @Schema(description = "Oldest first", maxItems = 600) List<Period> periods) {
    }

    @Schema(name = "InsightDeal", description = "A deal named as an example")
    public record DealExample(
            @Schema(examples = "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e") UUID id,
            @Schema(maxLength = 200, examples = "Acme renewal") String name,
            @Schema(examples = "2026-11-20") LocalDate closedOn) {

        static List<DealExample> of(List<DealRef> deals) {
            return deals.stream().map(d -> new DealExample(d.id(), d.name(), d.closedOn())).toList();
        }
    }

    @Schema(name = "RepeatingIssue", description = "A reason or category that recurs across teams or owners")
    public record RepeatingIssue(
            @Schema(description = "The reason or category") Group issue,
            @Schema(description = "How many teams or owners lost deals on it", minimum = "0", maximum = "1000", examples = "3") int groupCount,
            @Schema(description = "Those teams or owners, by name", maxItems = 1000) List<Group> groups,
            @Schema(description = "Lost deals with it as primary or contributing reason", minimum = "0", maximum = COUNT_MAX, examples = "9") long lostDeals,
            @Schema(description = "Of those, with it as primary reason", minimum = "0", maximum = COUNT_MAX, examples = "5") long primaryDeals,
            @Schema(description = "The newest of those deals, at most 3", maxItems = 3) List<DealExample> examples) {
    }

    @Schema(name = "RepeatingIssues", description = "Issues recurring across teams or owners, most widespread first")
    public record RepeatingIssues(
            LocalDate from, LocalDate to,
            @Schema(enumeration = {"reason", "reasonCategory"}, maxLength = 14) String level,
            @Schema(enumeration = {"team", "owner"}, maxLength = 5) String across,
            @Schema(minimum = "2", maximum = "1000") int minGroups,
            @Schema(maxItems = 100) List<RepeatingIssue> issues,
            @Schema(description = "true when more issues qualified than the limit") boolean truncated) {
    }

    @Schema(name = "RepeatLoss", description = "An account (its name, ignoring case and surrounding blanks) lost more than once in the period")
    public record RepeatLoss(
            @Schema(description = "The account as written on its deals", maxLength = 200, examples = "Acme") String account,
            @Schema(description = "LOST deals", minimum = "0", maximum = COUNT_MAX, examples = "2") long lostDeals,
            @Schema(description = "NO_DECISION deals, counted apart", minimum = "0", maximum = COUNT_MAX, examples = "1") long noDecisionDeals,
            @Schema(examples = "2026-11-20") LocalDate lastClosedOn,
            @Schema(description = "The newest of its lost and no-decision deals, at most 5", maxItems = 5) List<DealExample> deals) {
    }

    @Schema(name = "RepeatLosses", description = "Accounts with two or more LOST, or two or more NO_DECISION, deals in the period (the two never add up)")
    public record RepeatLosses(
            LocalDate from, LocalDate to,
            @Schema(description = "Most lost first", maxItems = 100) List<RepeatLoss> accounts,
            @Schema(description = "true when more accounts qualified than the limit") boolean truncated) {
    }

    @Schema(name = "Control", description = "How much of the losses was in the team's hands, per team, owner and quarter, and the losses on risk-tagged deals")
    public record Control(
            LocalDate from, LocalDate to,
            @Schema(description = "All losses counted") LossGroup overall,
            @Schema(description = "Per team, most losses first; deals without a team last", maxItems = 201) List<LossGroup> teams,
            @Schema(description = "Per owner, most losses first", maxItems = 1001) List<LossGroup> owners,
            @Schema(description = "Per quarter of the closed date (code 2026-Q1), oldest first; quarters without losses are left out", maxItems = 50) List<LossGroup> quarters,
            @Schema(description = "Per risk tag (a deal with two tags is in both), deals without a tag last: what growth costs", maxItems = 4) List<LossGroup> riskTags) {
    }
}
