package dev.debrief.adapter.rest.insight;

import dev.debrief.adapter.rest.insight.InsightResponses.AmountTotal;
import dev.debrief.adapter.rest.insight.InsightResponses.Comparison;
import dev.debrief.adapter.rest.insight.InsightResponses.Group;
import dev.debrief.adapter.rest.insight.InsightResponses.LossBreakdown;
import dev.debrief.adapter.rest.insight.InsightResponses.LossGroup;
import dev.debrief.adapter.rest.insight.InsightResponses.Period;
import dev.debrief.adapter.rest.insight.InsightResponses.Trend;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts as XML: well-formed with 0, 1 and 100 rows, every label escaped, long labels cut with their full
 * text kept, the accessible title and description there. Writes the examples to target/insight-charts (the
 * PNGs in docs/images are those, rendered with rsvg-convert).
 */
class InsightChartsTest {

    static final String SVG = "http://www.w3.org/2000/svg";

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagNameNS(SVG, tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            // A <text> with a <title> child: its own text node only.
            StringBuilder own = new StringBuilder();
            for (int j = 0; j < e.getChildNodes().getLength(); j++) {
                if (e.getChildNodes().item(j).getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                    own.append(e.getChildNodes().item(j).getNodeValue());
                }
            }
            texts.add(own.toString());
        }
        return texts;
    }

    static LossGroup group(String code, String name, long lost, long total, Long contributing) {
        return new LossGroup(new Group(code == null ? null : UUID.nameUUIDFromBytes(code.getBytes()), code, name, code == null), lost,
                BigDecimal.valueOf(lost).divide(BigDecimal.valueOf(total), 4, java.math.RoundingMode.HALF_UP),
                List.of(new AmountTotal("EUR", BigDecimal.valueOf(lost * 18500, 0))), lost / 2, null, 0, lost / 5, null,
                contributing, contributing == null ? null : BigDecimal.ZERO);
    }

    static LossBreakdown byReason() {
        long total = 131;
        return new LossBreakdown(LocalDate.of(2025, 12, 8), LocalDate.of(2026, 12, 7), "reason", true, total, List.of(),
                List.of(group("SLOW_RESPONSE", "Slow response, missed call or email", 31, total, 12L),
                        group("PRICE_ONLY", "Dragged into a price-only discussion", 24, total, 9L),
                        group("LOST_TO_COMPETITOR", "Lost to a competitor", 19, total, 6L),
                        group("NO_DECISION_MAKER", "Never reached the person with pen power", 15, total, 11L),
                        group("FEATURES_NOT_PAIN", "Pitched features instead of the customer's pain", 12, total, 14L),
                        group("NO_BUDGET", "Customer budget constraints", 10, total, 3L),
                        group("WRONG_RESEARCH", "Incomplete or wrong research on the customer, its market and its competitors", 8, total, 7L),
                        group("POOR_FIT", "Not a good-fit prospect; never intended to buy", 6, total, 2L),
                        group("BAD_TIMING", "Not the right time for the customer", 4, total, 5L),
                        group(null, "No primary reason", 2, total, 0L)), false);
    }

    static Trend monthly() {
        long[] lost = {9, 11, 8, 14, 12, 10, 7, 13, 15, 11, 9, 6};
        long[] noDecision = {3, 2, 4, 3, 5, 2, 3, 4, 2, 3, 1, 2};
        long[] won = {6, 7, 5, 8, 9, 7, 10, 8, 11, 12, 9, 4};
        List<Period> periods = new ArrayList<>();
        Comparison none = new Comparison(LocalDate.of(2025, 1, 1), 0, 0, null, null, null);
        for (int i = 0; i < 12; i++) {
            LocalDate start = LocalDate.of(2026, 1, 1).plusMonths(i);
            periods.add(new Period(String.format("2026-%02d", i + 1), start, start.plusMonths(1).minusDays(1), lost[i], List.of(),
                    null, null, won[i], noDecision[i], lost[i] + won[i] + noDecision[i], null, null, none, none));
        }
        return new Trend(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "MONTH", periods);
    }

    static void keep(String name, String svg) throws Exception {
        Path dir = Path.of("target", "insight-charts");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), svg);
    }

    @Test
    void drawsALabelledAccessibleBarChart() throws Exception {
        String svg = InsightCharts.breakdown(byReason());
        keep("loss-breakdown.svg", svg);
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(texts(doc, "title").get(0)).isEqualTo("Lost deals by primary reason");
        assertThat(texts(doc, "desc").get(0)).contains("Slow response, missed call or email: 31 primary, 12 contributing");
        List<String> labels = texts(doc, "text");
        assertThat(labels).contains("Slow response, missed call or email", "As primary reason", "As contributing reason", "Lost deals",
                "No primary reason");
        // The long one is cut and keeps its whole text in a <title>.
        assertThat(labels).anyMatch(l -> l.startsWith("Incomplete or wrong research") && l.endsWith("…"));
        assertThat(texts(doc, "title")).contains("Incomplete or wrong research on the customer, its market and its competitors");
    }

    @Test
    void drawsZeroOneAndAHundredBars() throws Exception {
        LossBreakdown empty = new LossBreakdown(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "team", false, 0, List.of(), List.of(), false);
        assertThat(texts(parse(InsightCharts.breakdown(empty)), "text")).contains("No losses in this period");

        LossBreakdown one = new LossBreakdown(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), "team", false, 1, List.of(),
                List.of(group("EMEA", "EMEA", 1, 1, null)), false);
        Document oneDoc = parse(InsightCharts.breakdown(one));
        assertThat(oneDoc.getElementsByTagNameNS(SVG, "rect").getLength()).isEqualTo(2); // the background and the bar

        List<LossGroup> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(group("C" + i, "Competitor <" + i + "> & \"Sons\"", 200 - i, 20000, null));
        }
        LossBreakdown hundred = new LossBreakdown(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "competitor", false, 20000,
                List.of(), many, false);
        String svg = InsightCharts.breakdown(hundred);
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagNameNS(SVG, "rect").getLength()).isEqualTo(1 + InsightCharts.MAX_BARS);
        assertThat(texts(doc, "text")).contains("Competitor <0> & \"Sons\"").doesNotContain("Competitor <100> & \"Sons\"");
        assertThat(svg).contains("Competitor &lt;0&gt; &amp; &quot;Sons&quot;");
        assertThat(texts(doc, "text").get(1)).contains("the 100 largest of 120 groups");
        int height = Integer.parseInt(doc.getDocumentElement().getAttribute("height"));
        assertThat(height).isGreaterThan(100 * 26);
    }

    @Test
    void drawsALineChartWithALegend() throws Exception {
        String svg = InsightCharts.trend(monthly());
        keep("trend.svg", svg);
        Document doc = parse(svg);
        assertThat(texts(doc, "title").get(0)).isEqualTo("Closed deals per month");
        assertThat(texts(doc, "text")).contains("Lost", "No decision", "Won", "Deals", "2026-01", "2026-12");
        assertThat(doc.getElementsByTagNameNS(SVG, "polyline").getLength()).isEqualTo(3);
        assertThat(texts(doc, "title")).contains("2026-04: 14 Lost");

        Trend single = new Trend(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "QUARTER", List.of(monthly().periods().get(0)));
        Document one = parse(InsightCharts.trend(single));
        assertThat(one.getElementsByTagNameNS(SVG, "polyline").getLength()).isZero();
        assertThat(one.getElementsByTagNameNS(SVG, "circle").getLength()).isEqualTo(3);
    }

    @Test
    void escapesEveryTextAndDropsWhatXmlForbids() {
        assertThat(SvgChart.escape("<a href=\"x\">'&'</a>\u0001")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(SvgChart.truncate("short", 100, 12)).isEqualTo("short");
        assertThat(SvgChart.truncate("a rather long label that cannot fit", 80, 12)).endsWith("…");
        assertThat(SvgChart.textWidth(SvgChart.truncate("a rather long label that cannot fit", 80, 12), 12)).isLessThanOrEqualTo(80);
        assertThat(SvgChart.ticks(0)).containsExactly(0, 1);
        assertThat(SvgChart.ticks(7)).containsExactly(0, 2, 4, 6, 8);
        assertThat(SvgChart.ticks(100)).containsExactly(0, 20, 40, 60, 80, 100);
    }
}
