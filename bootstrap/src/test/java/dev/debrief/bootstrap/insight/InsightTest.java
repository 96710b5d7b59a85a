package dev.debrief.bootstrap.insight;

import dev.debrief.bootstrap.insight.InsightData.D;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dev.debrief.bootstrap.insight.InsightData.day;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insights against numbers this test computes itself from a hand-built workspace ({@link InsightData}):
 * every grouping, every filter, period edges, the trend's comparisons, repeating issues, repeat losses,
 * control, CSV and SVG, another workspace's deals, and who may read them.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class InsightTest {

    static final String INSIGHTS = "/api/v1/workspaces/{ws}/insights/";
    static final LocalDate FROM = day("2026-01-01");
    static final LocalDate TO = day("2026-06-30");
    static final List<String> GROUPINGS = List.of("reason", "reasonCategory", "stageLostAt", "segment", "persona", "team", "owner",
            "competitor", "leadSource", "riskTag");

    InsightData data;

    @BeforeEach
    void data() {
        data = new InsightData().standard();
        // Another workspace's loss in the same period never counts.
        InsightData other = new InsightData();
        other.add(new D("Elsewhere", "Acme", "EMEA", other.myName, "SMB", null, null, "EUR", "99.00", List.of("NEW_MARKET"), null,
                "LOST", day("2026-02-10"), "SLOW_RESPONSE", true, List.of("PRICE_ONLY"), "GOOD_FIT", "Proposal", null));
    }

    ExtractableResponse<Response> get(String insight, Map<String, ?> params) {
        return given().queryParams(params).get(INSIGHTS + insight, data.ws).then().statusCode(200).extract();
    }

    static Map<String, Object> period(LocalDate from, LocalDate to) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", from.toString());
        params.put("to", to.toString());
        return params;
    }

    /** How the test names a group of the answer: codes for reasons, categories and tags, names for the rest. */
    static String key(String groupBy, Map<String, Object> group) {
        if (Boolean.TRUE.equals(group.get("none"))) {
            return "none";
        }
        return List.of("reason", "reasonCategory", "riskTag").contains(groupBy) ? (String) group.get("code") : (String) group.get("name");
    }

    static BigDecimal share(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    static BigDecimal decimal(Object json) {
        return json == null ? null : new BigDecimal(json.toString());
    }

    /** Checks a breakdown answer against the deals the predicate keeps, group by group. */
    void assertBreakdown(String groupBy, Map<String, Object> params, Predicate<D> filter) {
        Map<String, Object> query = new LinkedHashMap<>(params);
        query.put("groupBy", groupBy);
        Map<String, Object> answer = get("loss-breakdown", query).path("");
        List<D> lost = data.lostIn(LocalDate.parse((String) answer.get("from")), LocalDate.parse((String) answer.get("to")), filter).toList();
        assertThat(((Number) answer.get("lostDeals")).longValue()).as(groupBy + " total").isEqualTo(lost.size());
        assertThat(answer.get("multiMembership")).as(groupBy).isEqualTo(List.of("reason", "reasonCategory", "riskTag").contains(groupBy));
        Map<String, List<D>> expected = new HashMap<>();
        Map<String, Long> contributing = new HashMap<>();
        for (D d : lost) {
            data.keys(d, groupBy).forEach(k -> expected.computeIfAbsent(k, x -> new ArrayList<>()).add(d));
            if (groupBy.startsWith("reason")) {
                data.contributingKeys(d, groupBy).forEach(k -> contributing.merge(k, 1L, Long::sum));
            }
        }
        List<Map<String, Object>> groups = (List<Map<String, Object>>) answer.get("groups");
        Map<String, Map<String, Object>> byKey = groups.stream().collect(Collectors.toMap(g -> key(groupBy, (Map<String, Object>) g.get("group")), g -> g));
        java.util.Set<String> keys = new java.util.HashSet<>(expected.keySet());
        keys.addAll(contributing.keySet());
        assertThat(byKey.keySet()).as(groupBy + " groups").containsExactlyInAnyOrderElementsOf(keys);
        for (String k : keys) {
            List<D> in = expected.getOrDefault(k, List.of());
            Map<String, Object> g = byKey.get(k);
            String what = groupBy + " " + k;
            assertThat(((Number) g.get("lostDeals")).longValue()).as(what).isEqualTo(in.size());
            assertThat(((Number) g.get("controllableDeals")).longValue()).as(what + " controllable")
                    .isEqualTo(in.stream().filter(d -> Boolean.TRUE.equals(d.controllable())).count());
            assertThat(((Number) g.get("wrongProspectDeals")).longValue()).as(what + " wrong prospect")
                    .isEqualTo(in.stream().filter(d -> "WRONG_PROSPECT".equals(d.fit())).count());
            assertThat(decimal(g.get("share"))).as(what + " share").isEqualByComparingTo(share(in.size(), lost.size()));
            if (!in.isEmpty()) {
                assertThat(decimal(g.get("controllableShare"))).as(what).isEqualByComparingTo(
                        share(in.stream().filter(d -> Boolean.TRUE.equals(d.controllable())).count(), in.size()));
            }
            Map<String, BigDecimal> amounts = new HashMap<>();
            in.stream().filter(d -> d.amount() != null).forEach(d -> amounts.merge(d.currency(), d.amountValue(), BigDecimal::add));
            Map<String, BigDecimal> answered = ((List<Map<String, Object>>) g.get("amounts")).stream()
                    .collect(Collectors.toMap(a -> (String) a.get("currency"), a -> decimal(a.get("value"))));
            assertThat(answered.keySet()).as(what + " currencies").isEqualTo(amounts.keySet());
            amounts.forEach((c, v) -> assertThat(answered.get(c)).as(what + " " + c).isEqualByComparingTo(v));
            if (groupBy.startsWith("reason")) {
                assertThat(((Number) g.get("contributingDeals")).longValue()).as(what + " contributing")
                        .isEqualTo(contributing.getOrDefault(k, 0L));
            } else {
                assertThat(g.get("contributingDeals")).as(what).isNull();
            }
        }
    }

    @Test
    void breaksDownLossesByEveryGrouping() {
        for (String groupBy : GROUPINGS) {
            assertBreakdown(groupBy, period(FROM, TO), d -> true);
        }
    }

    @Test
    void appliesEveryFilter() {
        record F(String param, String value, Predicate<D> keeps) {
        }
        List<F> filters = List.of(
                new F("teamId", data.ids.get("EMEA"), d -> "EMEA".equals(d.team())),
                new F("ownerId", data.ids.get("Bob Builder"), d -> "Bob Builder".equals(d.owner())),
                new F("segmentId", data.ids.get("SMB"), d -> "SMB".equals(d.segment())),
                new F("personaId", data.ids.get("CFO"), d -> "CFO".equals(d.persona())),
                new F("leadSourceId", data.ids.get("Outbound"), d -> "Outbound".equals(d.leadSource())),
                new F("stageLostAtId", data.ids.get("Discovery"), d -> "Discovery".equals(d.stage())),
                new F("competitor", "  globex <&\"> LTD ", d -> InsightData.TRICKY.equals(d.competitor())),
                new F("competitor", "@evil", d -> "@Evil".equals(d.competitor())),
                new F("riskTag", "NEW_MARKET", d -> d.risk().contains("NEW_MARKET")));
        for (F f : filters) {
            Map<String, Object> params = period(FROM, TO);
            params.put(f.param(), f.value());
            long expected = data.lostIn(FROM, TO, f.keeps()).count();
            assertThat(expected).as(f.param() + " keeps something").isPositive();
            assertThat(expected).as(f.param() + " drops something").isLessThan(data.lostIn(FROM, TO, d -> true).count());
            for (String groupBy : List.of("team", "reason", "riskTag")) {
                assertBreakdown(groupBy, params, f.keeps());
            }
        }
    }

    @Test
    void measuresNoDecisionsWhenTheOutcomeSaysSo() {
        Map<String, Object> params = period(FROM, TO);
        params.put("outcome", "NO_DECISION");
        params.put("groupBy", "team");
        Map<String, Object> answer = get("loss-breakdown", params).path("");
        long expected = data.closedIn(FROM, TO).filter(d -> d.outcome().equals("NO_DECISION")).count();
        assertThat(((Number) answer.get("lostDeals")).longValue()).isEqualTo(expected).isEqualTo(3);
    }

    @Test
    void countsTheToDateAndNothingAfterIt() {
        // 2026-01-31, 2026-02-01 and 2026-02-28 are month edges: February holds exactly the last two.
        Map<String, Object> february = get("loss-breakdown", period(day("2026-02-01"), day("2026-02-28"))).path("");
        assertThat(((Number) february.get("lostDeals")).intValue()).isEqualTo(2);
        Map<String, Object> january = get("loss-breakdown", period(day("2026-01-31"), day("2026-01-31"))).path("");
        assertThat(((Number) january.get("lostDeals")).intValue()).isEqualTo(1);
        Map<String, Object> justBefore = get("loss-breakdown", period(day("2026-01-01"), day("2026-01-30"))).path("");
        assertThat(((Number) justBefore.get("lostDeals")).intValue()).isZero();
        assertThat((List<?>) justBefore.get("groups")).isEmpty();
    }

    @Test
    @SendsInvalidInput
    void refusesABackwardOrTooLongPeriodAndUnknownValues() {
        Api.problem(given().queryParams(period(TO, FROM)).get(INSIGHTS + "loss-breakdown", data.ws).then(), 400, "query.invalid");
        Api.problem(given().queryParams(period(day("2010-01-01"), TO)).get(INSIGHTS + "trend", data.ws).then(), 400, "query.invalid");
        Api.problem(given().queryParam("groupBy", "closedQuarter").get(INSIGHTS + "loss-breakdown", data.ws).then(), 400, "query.invalid");
        Api.problem(given().queryParam("outcome", "WON").get(INSIGHTS + "control", data.ws).then(), 400, "query.invalid");
        Api.problem(given().queryParam("minGroups", "1").get(INSIGHTS + "repeating-issues", data.ws).then(), 400, "query.invalid");
        Api.problem(given().queryParam("interval", "DAY").get(INSIGHTS + "trend", data.ws).then(), 400, "query.invalid");
    }

    @Test
    void trendsEveryMonthWithItsComparisons() {
        Map<String, Object> params = period(day("2026-01-15"), TO);
        params.put("interval", "MONTH");
        Map<String, Object> answer = get("trend", params).path("");
        assertThat(answer.get("from")).isEqualTo("2026-01-01");
        assertThat(answer.get("to")).isEqualTo("2026-06-30");
        List<Map<String, Object>> periods = (List<Map<String, Object>>) answer.get("periods");
        assertThat(periods).extracting(p -> p.get("label")).containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
        for (Map<String, Object> p : periods) {
            LocalDate start = LocalDate.parse((String) p.get("start"));
            LocalDate end = LocalDate.parse((String) p.get("end"));
            assertThat(end).isEqualTo(start.plusMonths(1).minusDays(1));
            List<D> closed = data.closedIn(start, end).toList();
            long lost = closed.stream().filter(D::lost).count();
            long won = closed.stream().filter(d -> d.outcome().equals("WON")).count();
            long noDecision = closed.stream().filter(d -> d.outcome().equals("NO_DECISION")).count();
            String what = (String) p.get("label");
            assertThat(((Number) p.get("lostDeals")).longValue()).as(what).isEqualTo(lost);
            assertThat(((Number) p.get("wonDeals")).longValue()).as(what).isEqualTo(won);
            assertThat(((Number) p.get("noDecisionDeals")).longValue()).as(what).isEqualTo(noDecision);
            assertThat(((Number) p.get("closedDeals")).longValue()).as(what).isEqualTo(closed.size());
            if (closed.isEmpty()) {
                assertThat(p.get("winRate")).as(what).isNull();
            } else {
                assertThat(decimal(p.get("winRate"))).as(what).isEqualByComparingTo(share(won, closed.size()));
                assertThat(decimal(p.get("noDecisionRate"))).as(what).isEqualByComparingTo(share(noDecision, closed.size()));
            }
            long previous = data.lostIn(start.minusMonths(1), start.minusDays(1), d -> true).count();
            long yearEarlier = data.lostIn(start.minusYears(1), end.minusYears(1).withDayOfMonth(start.minusYears(1).lengthOfMonth()), d -> true).count();
            Map<String, Object> prev = (Map<String, Object>) p.get("previous");
            Map<String, Object> year = (Map<String, Object>) p.get("yearEarlier");
            assertThat(((Number) prev.get("lostDeals")).longValue()).as(what + " previous").isEqualTo(previous);
            assertThat(((Number) prev.get("lostDealsChange")).longValue()).as(what).isEqualTo(lost - previous);
            assertThat(((Number) year.get("lostDeals")).longValue()).as(what + " year earlier").isEqualTo(yearEarlier);
            assertThat(year.get("start")).isEqualTo(start.minusYears(1).toString());
            if (previous == 0) {
                assertThat(prev.get("lostDealsChangeRatio")).as(what).isNull();
            } else {
                assertThat(decimal(prev.get("lostDealsChangeRatio"))).as(what).isEqualByComparingTo(share(lost - previous, previous));
            }
        }
        // March 2026 against March 2025: one loss each.
        Map<String, Object> march = (Map<String, Object>) periods.get(2).get("yearEarlier");
        assertThat(((Number) march.get("lostDeals")).intValue()).isEqualTo(1);
        assertThat(decimal(march.get("lostDealsChangeRatio"))).isEqualByComparingTo("0");
        // April has no loss and no win: zeros, not a missing period.
        assertThat(((Number) periods.get(3).get("lostDeals")).intValue()).isZero();
        assertThat(periods.get(3).get("controllableShare")).isNull();
    }

    @Test
    void trendsWeeksFromMondayAndQuartersWhole() {
        Map<String, Object> weeks = period(day("2026-02-01"), day("2026-02-28"));
        weeks.put("interval", "WEEK");
        Map<String, Object> answer = get("trend", weeks).path("");
        // 2026-02-01 is a Sunday: its week starts on Monday 2026-01-26 and holds the 2026-01-31 loss too.
        assertThat(answer.get("from")).isEqualTo("2026-01-26");
        List<Map<String, Object>> periods = (List<Map<String, Object>>) answer.get("periods");
        assertThat(periods.get(0).get("label")).isEqualTo("2026-W05");
        assertThat(((Number) periods.get(0).get("lostDeals")).intValue()).isEqualTo(2);
        assertThat(answer.get("to")).isEqualTo("2026-03-01");

        Map<String, Object> quarters = period(day("2026-02-15"), day("2026-04-01"));
        quarters.put("interval", "QUARTER");
        List<Map<String, Object>> q = get("trend", quarters).path("periods");
        assertThat(q).extracting(p -> p.get("label")).containsExactly("2026-Q1", "2026-Q2");
        assertThat(((Number) q.get(0).get("lostDeals")).longValue()).isEqualTo(data.lostIn(day("2026-01-01"), day("2026-03-31"), d -> true).count());
        assertThat(((Number) q.get(1).get("lostDeals")).longValue()).isEqualTo(data.lostIn(day("2026-04-01"), day("2026-06-30"), d -> true).count());
    }

    @Test
    void findsIssuesRepeatingAcrossTeamsAndOwners() {
        for (String across : List.of("team", "owner")) {
            for (String level : List.of("reason", "reasonCategory")) {
                Map<String, Object> params = period(FROM, TO);
                params.put("across", across);
                params.put("level", level);
                List<Map<String, Object>> issues = get("repeating-issues", params).path("issues");
                // Expected: per issue, the teams (owners) of the losses naming it in any role.
                Map<String, java.util.Set<String>> groups = new HashMap<>();
                Map<String, Long> deals = new HashMap<>();
                Map<String, List<InsightData.D>> citing = new HashMap<>();
                data.lostIn(FROM, TO, d -> (across.equals("team") ? d.team() : d.owner()) != null).forEach(d -> {
                    List<String> reasons = new ArrayList<>(d.contributing());
                    reasons.add(d.primary());
                    reasons.stream().map(r -> level.equals("reason") ? r : InsightData.CATEGORY.get(r)).distinct().forEach(issue -> {
                        groups.computeIfAbsent(issue, x -> new java.util.TreeSet<>()).add(across.equals("team") ? d.team() : d.owner());
                        deals.merge(issue, 1L, Long::sum);
                        citing.computeIfAbsent(issue, x -> new ArrayList<>()).add(d);
                    });
                });
                List<String> expected = groups.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(Map.Entry::getKey).toList();
                assertThat(issues).extracting(i -> ((Map<String, Object>) i.get("issue")).get("code")).as(across + " " + level)
                        .containsExactlyInAnyOrderElementsOf(expected);
                for (Map<String, Object> issue : issues) {
                    String code = (String) ((Map<String, Object>) issue.get("issue")).get("code");
                    assertThat(((List<Map<String, Object>>) issue.get("groups")).stream().map(g -> (String) g.get("name")).toList())
                            .as(code).containsExactlyElementsOf(groups.get(code));
                    assertThat(((Number) issue.get("lostDeals")).longValue()).as(code).isEqualTo(deals.get(code));
                    // The examples are the newest losses naming the issue (ties on the date in any order).
                    List<Map<String, Object>> examples = (List<Map<String, Object>>) issue.get("examples");
                    List<String> newest = citing.get(code).stream().map(d -> d.closedOn().toString())
                            .sorted(java.util.Comparator.reverseOrder()).limit(3).toList();
                    assertThat(examples).extracting(e -> e.get("closedOn")).as(code).containsExactlyElementsOf(newest);
                    assertThat(examples).as(code).allSatisfy(e -> assertThat(citing.get(code)).anySatisfy(d -> {
                        assertThat(d.name()).isEqualTo(e.get("name"));
                        assertThat(d.closedOn().toString()).isEqualTo(e.get("closedOn"));
                    }));
                }
            }
        }
        Map<String, Object> three = period(FROM, TO);
        three.put("minGroups", 3);
        assertThat((List<?>) get("repeating-issues", three).path("issues")).isEmpty();
    }

    @Test
    void findsAccountsLostMoreThanOnceCountingNoDecisionsApart() {
        List<Map<String, Object>> accounts = get("repeat-losses", period(FROM, TO)).path("accounts");
        // Acme (two LOST, one written " acme "), Umbrella (two NO_DECISION); not Initech (one of each).
        assertThat(accounts).extracting(a -> a.get("account")).containsExactly("Acme", "Umbrella");
        assertThat(accounts.get(0).get("lostDeals")).isEqualTo(2);
        assertThat(accounts.get(0).get("noDecisionDeals")).isEqualTo(0);
        assertThat(accounts.get(1).get("lostDeals")).isEqualTo(0);
        assertThat(accounts.get(1).get("noDecisionDeals")).isEqualTo(2);
        assertThat(((List<Map<String, Object>>) accounts.get(0).get("deals"))).extracting(d -> d.get("name"))
                .containsExactly("Acme expansion", "Acme renewal");
    }

    @Test
    void showsControlPerTeamOwnerQuarterAndRiskTag() {
        Map<String, Object> answer = get("control", period(FROM, TO)).path("");
        List<D> lost = data.lostIn(FROM, TO, d -> true).toList();
        Map<String, Object> overall = (Map<String, Object>) answer.get("overall");
        assertThat(((Number) overall.get("lostDeals")).longValue()).isEqualTo(lost.size());
        assertThat(decimal(overall.get("controllableShare"))).isEqualByComparingTo(
                share(lost.stream().filter(d -> Boolean.TRUE.equals(d.controllable())).count(), lost.size()));
        assertThat(decimal(overall.get("wrongProspectShare"))).isEqualByComparingTo(
                share(lost.stream().filter(d -> "WRONG_PROSPECT".equals(d.fit())).count(), lost.size()));
        Map<String, Map<String, Object>> quarters = ((List<Map<String, Object>>) answer.get("quarters")).stream()
                .collect(Collectors.toMap(q -> (String) ((Map<String, Object>) q.get("group")).get("code"), q -> q));
        assertThat(quarters.keySet()).containsExactlyInAnyOrder("2026-Q1", "2026-Q2");
        List<D> q1 = data.lostIn(FROM, day("2026-03-31"), d -> true).toList();
        assertThat(decimal(quarters.get("2026-Q1").get("controllableShare")))
                .isEqualByComparingTo(share(q1.stream().filter(d -> Boolean.TRUE.equals(d.controllable())).count(), q1.size()));
        Map<String, Map<String, Object>> teams = ((List<Map<String, Object>>) answer.get("teams")).stream()
                .collect(Collectors.toMap(t -> key("team", (Map<String, Object>) t.get("group")), t -> t));
        for (String team : List.of("EMEA", "Nordics")) {
            List<D> in = data.lostIn(FROM, TO, d -> team.equals(d.team())).toList();
            assertThat(decimal(teams.get(team).get("controllableShare"))).as(team)
                    .isEqualByComparingTo(share(in.stream().filter(d -> Boolean.TRUE.equals(d.controllable())).count(), in.size()));
        }
        assertThat(((Number) teams.get("none").get("lostDeals")).intValue()).isEqualTo(1);
        Map<String, Map<String, Object>> tags = ((List<Map<String, Object>>) answer.get("riskTags")).stream()
                .collect(Collectors.toMap(t -> key("riskTag", (Map<String, Object>) t.get("group")), t -> t));
        for (String tag : List.of("NEW_MARKET", "BIGGER_DEAL", "NEW_PRODUCT_LINE")) {
            assertThat(((Number) tags.get(tag).get("lostDeals")).longValue()).as(tag)
                    .isEqualTo(data.lostIn(FROM, TO, d -> d.risk().contains(tag)).count());
        }
        assertThat(((Number) ((List<Map<String, Object>>) answer.get("owners")).stream().mapToLong(o -> ((Number) o.get("lostDeals")).longValue()).sum()))
                .isEqualTo((long) lost.size());
    }

    // --- representations ---------------------------------------------------------------------------

    /** RFC 4180 with CRLF, as the export writes it. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell.length()).as("the last line ends with CRLF").isZero();
        return rows;
    }

    @Test
    void answersCsvOnAcceptWithTheFormulaGuard() {
        Map<String, Object> params = period(FROM, TO);
        params.put("groupBy", "competitor");
        ExtractableResponse<Response> csv = given().accept("text/csv").queryParams(params)
                .get(INSIGHTS + "loss-breakdown", data.ws).then().statusCode(200).extract();
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"loss-breakdown-2026-01-01-2026-06-30.csv\"");
        List<List<String>> rows = parseCsv(csv.asString());
        assertThat(rows.get(0)).startsWith("group_id", "group_code", "group_name", "none", "lost_deals", "share");
        assertThat(rows.get(0)).contains("amount_EUR", "amount_USD");
        Map<String, List<String>> byName = rows.subList(1, rows.size()).stream().collect(Collectors.toMap(r -> r.get(2), r -> r));
        assertThat(byName).containsKeys(InsightData.TRICKY, "'@Evil", "No competitor");
        assertThat(byName.get(InsightData.TRICKY).get(4)).isEqualTo("1");
        assertThat(byName.get("No competitor").get(4)).isEqualTo(String.valueOf(data.lostIn(FROM, TO, d -> d.competitor() == null).count()));
        // Every insight answers CSV, with one line per group, period, issue or account.
        Map<String, Object> json = get("trend", period(FROM, TO)).path("");
        List<List<String>> trend = parseCsv(given().accept("text/csv").queryParams(period(FROM, TO)).get(INSIGHTS + "trend", data.ws)
                .then().statusCode(200).extract().asString());
        assertThat(trend).hasSize(1 + ((List<?>) json.get("periods")).size());
        assertThat(trend.get(3).subList(0, 4)).containsExactly("2026-03", "2026-03-01", "2026-03-31", "1");
        for (String insight : List.of("repeating-issues", "repeat-losses", "control")) {
            String text = given().accept("text/csv").queryParams(period(FROM, TO)).get(INSIGHTS + insight, data.ws)
                    .then().statusCode(200).contentType("text/csv; charset=UTF-8").extract().asString();
            assertThat(parseCsv(text)).as(insight).hasSizeGreaterThan(1);
        }
    }

    static Document xml(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void drawsTheBreakdownAndTheTrendAsSvg() throws Exception {
        Map<String, Object> params = period(FROM, TO);
        params.put("groupBy", "competitor");
        ExtractableResponse<Response> answer = given().accept("image/svg+xml").queryParams(params)
                .get(INSIGHTS + "loss-breakdown", data.ws).then().statusCode(200).extract();
        assertThat(answer.contentType()).startsWith("image/svg+xml");
        assertThat(answer.header("Content-Security-Policy")).startsWith("default-src 'none'");
        String svg = answer.asString();
        assertThat(svg).contains("Globex &lt;&amp;&quot;&gt; Ltd").doesNotContain(InsightData.TRICKY);
        Document doc = xml(svg);
        assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(texts(doc, "title").get(0)).isEqualTo("Lost deals by competitor");
        assertThat(texts(doc, "desc").get(0)).contains(InsightData.TRICKY + ": 1");
        assertThat(texts(doc, "text")).contains(InsightData.TRICKY, "@Evil", "No competitor", "Lost deals");

        Map<String, Object> reasons = period(FROM, TO);
        String byReason = given().accept("image/svg+xml").queryParams(reasons).get(INSIGHTS + "loss-breakdown", data.ws)
                .then().statusCode(200).extract().asString();
        assertThat(texts(xml(byReason), "text")).contains("As primary reason", "As contributing reason");

        Map<String, Object> empty = period(day("2020-01-01"), day("2020-12-31"));
        String none = given().accept("image/svg+xml").queryParams(empty).get(INSIGHTS + "loss-breakdown", data.ws)
                .then().statusCode(200).extract().asString();
        assertThat(texts(xml(none), "text")).contains("No losses in this period");

        String trend = given().accept("image/svg+xml").queryParams(period(FROM, TO)).get(INSIGHTS + "trend", data.ws)
                .then().statusCode(200).header("Content-Security-Policy", org.hamcrest.Matchers.startsWith("default-src 'none'"))
                .extract().asString();
        Document trendDoc = xml(trend);
        assertThat(texts(trendDoc, "title").get(0)).isEqualTo("Closed deals per month");
        assertThat(texts(trendDoc, "text")).contains("Lost", "No decision", "Won", "2026-01", "Deals");
        assertThat(texts(trendDoc, "title")).contains("2026-03: 1 Lost");
    }

    @Test
    void answersJsonByDefaultAndRefusesWhatItCanNotDraw() {
        given().accept("*/*").get(INSIGHTS + "control", data.ws).then().statusCode(200).contentType("application/json");
        given().accept("image/svg+xml").get(INSIGHTS + "control", data.ws).then().statusCode(406);
    }

    // --- who may read ------------------------------------------------------------------------------

    @Test
    void anInsightsKeyReadsInsightsButNotDealsAndADealsKeyReadsBoth() {
        String insightsKey = Api.createApiKey(data.ws, "insights:read");
        given().auth().oauth2(insightsKey).queryParams(period(FROM, TO)).get(INSIGHTS + "loss-breakdown", data.ws)
                .then().statusCode(200);
        for (String insight : List.of("trend", "repeating-issues", "repeat-losses", "control")) {
            given().auth().oauth2(insightsKey).get(INSIGHTS + insight, data.ws).then().statusCode(200);
        }
        Api.problem(given().auth().oauth2(insightsKey).get(InsightData.DEALS, data.ws).then(), 403, "access.forbidden");
        String dealsKey = Api.createApiKey(data.ws, "deals:read");
        given().auth().oauth2(dealsKey).get(INSIGHTS + "loss-breakdown", data.ws).then().statusCode(200);
        given().auth().oauth2(dealsKey).get(InsightData.DEALS, data.ws).then().statusCode(200);
    }
}
