package dev.debrief.adapter.rest.insight;

import dev.debrief.adapter.rest.insight.InsightResponses.AmountTotal;
import dev.debrief.adapter.rest.insight.InsightResponses.Control;
import dev.debrief.adapter.rest.insight.InsightResponses.DealExample;
import dev.debrief.adapter.rest.insight.InsightResponses.Group;
import dev.debrief.adapter.rest.insight.InsightResponses.LossBreakdown;
import dev.debrief.adapter.rest.insight.InsightResponses.LossGroup;
import dev.debrief.adapter.rest.insight.InsightResponses.Period;
import dev.debrief.adapter.rest.insight.InsightResponses.RepeatLosses;
import dev.debrief.adapter.rest.insight.InsightResponses.RepeatingIssues;
import dev.debrief.adapter.rest.insight.InsightResponses.Trend;
import dev.debrief.adapter.rest.shared.Csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The insights as CSV, written from the JSON answers (one source of numbers) through {@link Csv}, the export's
 * escaping and formula guard. One line per group or period; amounts get one column per currency
 * ({@code amount_EUR}); lists (a repeating issue's teams, example deals) are joined with {@code |}.
 */
final class InsightCsv {

    private static final Csv CSV = new Csv(',');
    private static final List<String> GROUP = List.of("group_id", "group_code", "group_name", "none", "lost_deals", "share",
            "controllable_deals", "controllable_share", "undecided_deals", "wrong_prospect_deals", "wrong_prospect_share");

    private InsightCsv() {
    }

    static String breakdown(LossBreakdown b) {
        List<String> currencies = currencies(b.groups().stream().flatMap(g -> g.amounts().stream()));
        List<String> header = new ArrayList<>(GROUP);
        header.addAll(List.of("contributing_deals", "contributing_share"));
        header.addAll(amountHeaders(currencies));
        return write(header, b.groups().stream().map(g -> {
            List<Object> cells = groupCells(g);
            cells.add(g.contributingDeals());
            cells.add(g.contributingShare());
            cells.addAll(amountCells(g.amounts(), currencies));
            return cells;
        }).toList());
    }

    static String trend(Trend t) {
        List<String> currencies = currencies(t.periods().stream().flatMap(p -> p.amounts().stream()));
        List<String> header = new ArrayList<>(List.of("period", "start", "end", "lost_deals", "controllable_share",
                "wrong_prospect_share", "won_deals", "no_decision_deals", "closed_deals", "win_rate", "no_decision_rate",
                "previous_lost_deals", "lost_change", "lost_change_ratio", "win_rate_change",
                "year_earlier_lost_deals", "year_earlier_lost_change", "year_earlier_lost_change_ratio", "year_earlier_win_rate_change"));
        header.addAll(amountHeaders(currencies));
        List<List<Object>> rows = new ArrayList<>();
        for (Period p : t.periods()) {
            List<Object> cells = new ArrayList<>(Arrays.asList(p.label(), p.start(), p.end(), p.lostDeals(), p.controllableShare(),
                    p.wrongProspectShare(), p.wonDeals(), p.noDecisionDeals(), p.closedDeals(), p.winRate(), p.noDecisionRate(),
                    p.previous().lostDeals(), p.previous().lostDealsChange(), p.previous().lostDealsChangeRatio(),
                    p.previous().winRateChange(), p.yearEarlier().lostDeals(), p.yearEarlier().lostDealsChange(),
                    p.yearEarlier().lostDealsChangeRatio(), p.yearEarlier().winRateChange()));
            cells.addAll(amountCells(p.amounts(), currencies));
            rows.add(cells);
        }
        return write(header, rows);
    }

    static String repeatingIssues(RepeatingIssues r) {
        return write(List.of("issue_id", "issue_code", "issue_name", "group_count", "groups", "lost_deals", "primary_deals",
                        "example_deal_ids", "example_deal_names"),
                r.issues().stream().map(i -> (List<Object>) new ArrayList<>(Arrays.<Object>asList(i.issue().id(), i.issue().code(),
                        i.issue().name(), i.groupCount(), joined(i.groups().stream().map(Group::name)), i.lostDeals(), i.primaryDeals(),
                        joined(i.examples().stream().map(d -> d.id().toString())), joined(i.examples().stream().map(DealExample::name)))))
                        .toList());
    }

    static String repeatLosses(RepeatLosses r) {
        return write(List.of("account", "lost_deals", "no_decision_deals", "last_closed_on", "deal_ids", "deal_names"),
                r.accounts().stream().map(a -> (List<Object>) new ArrayList<>(Arrays.<Object>asList(a.account(), a.lostDeals(),
                        a.noDecisionDeals(), a.lastClosedOn(), joined(a.deals().stream().map(d -> d.id().toString())),
                        joined(a.deals().stream().map(DealExample::name))))).toList());
    }

    static String control(Control c) {
        List<String> currencies = currencies(c.overall().amounts().stream());
        List<String> header = new ArrayList<>();
        header.add("dimension");
        header.addAll(GROUP);
        header.addAll(amountHeaders(currencies));
        List<List<Object>> rows = new ArrayList<>();
        add(rows, "overall", List.of(c.overall()), currencies);
        add(rows, "team", c.teams(), currencies);
        add(rows, "owner", c.owners(), currencies);
        add(rows, "quarter", c.quarters(), currencies);
        add(rows, "risk_tag", c.riskTags(), currencies);
        return write(header, rows);
    }

    private static void add(List<List<Object>> rows, String dimension, List<LossGroup> groups, List<String> currencies) {
        for (LossGroup g : groups) {
            List<Object> cells = new ArrayList<>();
            cells.add(dimension);
            cells.addAll(groupCells(g));
            cells.addAll(amountCells(g.amounts(), currencies));
            rows.add(cells);
        }
    }

    private static List<Object> groupCells(LossGroup g) {
        return new ArrayList<>(Arrays.asList(g.group().id(), g.group().code(), g.group().name(), String.valueOf(g.group().none()),
                g.lostDeals(), g.share(), g.controllableDeals(), g.controllableShare(), g.undecidedDeals(), g.wrongProspectDeals(),
                g.wrongProspectShare()));
    }

    private static List<String> currencies(Stream<AmountTotal> amounts) {
        return List.copyOf(amounts.map(AmountTotal::currency).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    private static List<String> amountHeaders(List<String> currencies) {
        return currencies.stream().map(c -> "amount_" + c).toList();
    }

    private static List<Object> amountCells(List<AmountTotal> amounts, List<String> currencies) {
        return currencies.stream().map(c -> (Object) amounts.stream().filter(a -> a.currency().equals(c))
                .map(AmountTotal::value).findFirst().orElse(java.math.BigDecimal.ZERO.setScale(2))).toList();
    }

    private static String joined(Stream<String> values) {
        return String.join("|", values.toList());
    }

    private static String write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try {
            CSV.values(out, header);
            for (List<Object> row : rows) {
                CSV.values(out, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
