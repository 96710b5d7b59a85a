package dev.debrief.adapter.rest.insight;

import dev.debrief.adapter.rest.insight.InsightResponses.LossBreakdown;
import dev.debrief.adapter.rest.insight.InsightResponses.LossGroup;
import dev.debrief.adapter.rest.insight.InsightResponses.Period;
import dev.debrief.adapter.rest.insight.InsightResponses.Trend;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The breakdown as a bar chart and the trend as a line chart ({@link SvgChart}). Colours are from the Okabe–Ito
 * palette, told apart with the common colour-vision deficiencies.
 */
final class InsightCharts {

    /** The most bars a breakdown chart draws (the largest groups); the JSON and CSV carry all. */
    static final int MAX_BARS = 100;
    static final String BLUE = "#0072B2";
    static final String ORANGE = "#E69F00";
    static final String VERMILLION = "#D55E00";
    static final String GREEN = "#009E73";
    static final String GREY = "#7F7F7F";

    private InsightCharts() {
    }

    static String breakdown(LossBreakdown b) {
        String by = switch (b.groupBy()) {
            case "reason" -> "primary reason";
            case "reasonCategory" -> "reason category";
            case "stageLostAt" -> "stage lost at";
            case "leadSource" -> "lead source";
            case "riskTag" -> "risk tag";
            default -> b.groupBy();
        };
        boolean byReason = b.groupBy().startsWith("reason");
        List<LossGroup> shown = b.groups().size() > MAX_BARS ? b.groups().subList(0, MAX_BARS) : b.groups();
        String title = "Lost deals by " + by;
        String subtitle = "Closed " + b.from() + " to " + b.to() + " · " + b.lostDeals() + " lost deal" + (b.lostDeals() == 1 ? "" : "s")
                + (b.groups().size() > MAX_BARS ? " · the " + MAX_BARS + " largest of " + b.groups().size() + " groups" : "")
                + (b.multiMembership() && !byReason ? " · a deal can count in several groups" : "");
        List<SvgChart.Bar> bars = shown.stream().map(g -> new SvgChart.Bar(g.group().name(), g.lostDeals(),
                byReason ? g.contributingDeals() : null,
                g.lostDeals() + (g.share() == null ? "" : " (" + percent(g.share()) + ")"),
                g.group().name() + ": " + g.lostDeals() + " lost" + (g.share() == null ? "" : " (" + percent(g.share()) + " of all losses)")
                        + (byReason ? ", contributing in " + g.contributingDeals() : "")
                        + (g.controllableShare() == null ? "" : ", " + percent(g.controllableShare()) + " controllable"))).toList();
        String description = title + ", closed " + b.from() + " to " + b.to() + ". "
                + (shown.isEmpty() ? "No losses in this period." : shown.stream().limit(30)
                .map(g -> g.group().name() + ": " + g.lostDeals() + (byReason ? " primary, " + g.contributingDeals() + " contributing" : ""))
                .collect(Collectors.joining("; ")) + (shown.size() > 30 ? "; and " + (shown.size() - 30) + " more." : "."));
        return SvgChart.bars(title, subtitle, description, "Lost deals", bars,
                byReason ? "As primary reason" : null, BLUE, byReason ? "As contributing reason" : null, ORANGE);
    }

    static String trend(Trend t) {
        String unit = t.interval().toLowerCase(Locale.ROOT);
        String title = "Closed deals per " + unit;
        List<Period> periods = t.periods();
        String subtitle = "Closed " + t.from() + " to " + t.to() + " · " + periods.stream().mapToLong(Period::lostDeals).sum()
                + " lost, " + periods.stream().mapToLong(Period::noDecisionDeals).sum() + " no decision, "
                + periods.stream().mapToLong(Period::wonDeals).sum() + " won";
        String description = title + ", " + t.from() + " to " + t.to() + ". " + periods.stream().limit(60)
                .map(p -> p.label() + ": " + p.lostDeals() + " lost, " + p.noDecisionDeals() + " no decision, " + p.wonDeals() + " won")
                .collect(Collectors.joining("; ")) + (periods.size() > 60 ? "; and " + (periods.size() - 60) + " more periods." : ".");
        return SvgChart.lines(title, subtitle, description, "Deals", periods.stream().map(Period::label).toList(), List.of(
                new SvgChart.Series("Lost", VERMILLION, periods.stream().map(Period::lostDeals).toList()),
                new SvgChart.Series("No decision", GREY, periods.stream().map(Period::noDecisionDeals).toList()),
                new SvgChart.Series("Won", GREEN, periods.stream().map(Period::wonDeals).toList())));
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " %";
    }
}
