package dev.debrief.bootstrap.insight;

import dev.debrief.bootstrap.support.Api;
import io.restassured.http.ContentType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/**
 * A small hand-built workspace for the insight tests: every deal is described here ({@link D}), created and
 * closed through the API, and the tests compute what the insights must answer from these descriptions with
 * plain Java, never with the service's SQL.
 */
final class InsightData {

    static final String DEALS = "/api/v1/workspaces/{ws}/deals";

    /** Reason code → its category code, as the default taxonomy declares them. */
    static final Map<String, String> CATEGORY = Map.of("SLOW_RESPONSE", "RESPONSIVENESS", "PRICE_ONLY", "VALUE_VS_COST",
            "NO_BUDGET", "BUDGET", "LOST_TO_COMPETITOR", "COMPETITION", "BAD_TIMING", "TIMING");

    static final String TRICKY = "Globex <&\"> Ltd";

    /** A deal as the test means it. Names (team, owner, segment…) are display names; reasons codes. */
    record D(String name, String account, String team, String owner, String segment, String persona, String leadSource,
             String currency, String amount, List<String> risk, String dealCompetitor, String outcome, LocalDate closedOn,
             String primary, Boolean controllable, List<String> contributing, String fit, String stage, String lossCompetitor) {

        /** Lost with another analysis first, then reopened and closed with this one. */
        boolean amended() {
            return name.equals("Initech one") || name.equals("Acme renewal") || name.equals("Initech two");
        }

        boolean lost() {
            return outcome.equals("LOST");
        }

        /** Whom it was lost to: the analysis's competitor, else the deal's. */
        String competitor() {
            return lossCompetitor != null ? lossCompetitor : dealCompetitor;
        }

        BigDecimal amountValue() {
            return amount == null ? BigDecimal.ZERO : new BigDecimal(amount);
        }
    }

    final String ws;
    final String me;
    final String myName;
    final Map<String, String> ids = new HashMap<>();
    final List<D> deals = new ArrayList<>();
    final Map<D, String> dealIds = new HashMap<>();

    InsightData() {
        ws = Api.createWorkspace();
        me = Api.myMemberId(ws);
        List<Map<String, Object>> members = given().get("/api/v1/workspaces/{ws}/members", ws).then().statusCode(200)
                .extract().path("items");
        myName = (String) members.get(0).get("displayName");
        ids.put(myName, me);
        ids.put("EMEA", Api.addVocabularyEntry(ws, "teams", "EMEA"));
        ids.put("Nordics", Api.addVocabularyEntry(ws, "teams", "Nordics"));
        ids.put("SMB", Api.addVocabularyEntry(ws, "segments", "SMB"));
        ids.put("Enterprise", Api.addVocabularyEntry(ws, "segments", "Enterprise"));
        ids.put("CFO", Api.addVocabularyEntry(ws, "personas", "CFO"));
        ids.put("Outbound", Api.addVocabularyEntry(ws, "lead-sources", "Outbound"));
        ids.put("Proposal", Api.vocabularyId(ws, "stages", "PROPOSAL"));
        ids.put("Discovery", Api.vocabularyId(ws, "stages", "DISCOVERY"));
        ids.put("Bob Builder", given().contentType(ContentType.JSON)
                .body(Map.of("email", "bob-" + System.nanoTime() + "@example.com", "role", "REP", "displayName", "Bob Builder"))
                .post("/api/v1/workspaces/{ws}/members", ws).then().statusCode(201).extract().path("id"));
        for (String code : CATEGORY.keySet()) {
            ids.put(code, Api.reasonId(ws, code));
        }
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    /** The standard set: losses in both teams, repeat accounts, no-decisions, wins, a loss a year earlier, one after. */
    InsightData standard() {
        String bob = "Bob Builder";
        add(new D("Acme renewal", "Acme", "EMEA", myName, "SMB", null, null, "EUR", "1000.00", List.of(), null, "LOST",
                day("2026-01-31"), "SLOW_RESPONSE", true, List.of("PRICE_ONLY"), "GOOD_FIT", "Proposal", null));
        add(new D("Acme expansion", " acme ", "Nordics", bob, "Enterprise", null, null, "EUR", "2000.00", List.of("NEW_MARKET"),
                null, "LOST", day("2026-02-01"), "SLOW_RESPONSE", true, List.of(), "WRONG_PROSPECT", "Discovery", null));
        add(new D("Globex deal <&\">", "Globex", "EMEA", bob, "SMB", "CFO", null, "USD", "500.00", List.of("NEW_MARKET", "BIGGER_DEAL"),
                "Someone else", "LOST", day("2026-02-28"), "LOST_TO_COMPETITOR", false, List.of("SLOW_RESPONSE"), "GOOD_FIT",
                "Proposal", TRICKY));
        add(new D("Initech one", "Initech", "Nordics", myName, null, null, "Outbound", null, null, List.of(), "@Evil", "LOST",
                day("2026-03-15"), "NO_BUDGET", false, List.of(), "WRONG_PROSPECT", "Proposal", null));
        add(new D("Initech two", "Initech", "EMEA", myName, null, null, null, null, null, List.of(), null, "NO_DECISION",
                day("2026-03-20"), null, null, List.of(), null, null, null));
        add(new D("Umbrella a", "Umbrella", "Nordics", bob, null, null, null, null, null, List.of(), null, "NO_DECISION",
                day("2026-04-02"), null, null, List.of(), null, null, null));
        add(new D("Umbrella b", "Umbrella", "EMEA", myName, null, null, null, null, null, List.of(), null, "NO_DECISION",
                day("2026-05-10"), null, null, List.of(), null, null, null));
        add(new D("Won one", "Hooli", "EMEA", myName, null, null, null, "EUR", "3000.00", List.of(), null, "WON",
                day("2026-03-01"), null, null, List.of(), null, null, null));
        add(new D("Won two", "Hooli", "Nordics", bob, null, null, null, null, null, List.of(), null, "WON",
                day("2026-05-31"), null, null, List.of(), null, null, null));
        add(new D("Old loss", "Vandelay", "EMEA", myName, null, null, null, "EUR", "400.00", List.of(), null, "LOST",
                day("2025-03-10"), "PRICE_ONLY", true, List.of(), "GOOD_FIT", "Proposal", null));
        add(new D("After the period", "Vandelay", "EMEA", myName, null, null, null, "EUR", "50.00", List.of(), null, "LOST",
                day("2026-07-01"), "SLOW_RESPONSE", true, List.of(), "GOOD_FIT", "Proposal", null));
        add(new D("No team", "Stark", null, myName, null, null, null, "EUR", "700.00", List.of("NEW_PRODUCT_LINE"), null, "LOST",
                day("2026-06-30"), "BAD_TIMING", false, List.of("SLOW_RESPONSE"), "GOOD_FIT", "Proposal", null));
        return this;
    }

    /** What a reopened deal's first analysis said: another reason, stage, fit and competitor. */
    static final D SUPERSEDED = new D("superseded", null, null, null, null, null, null, null, null, List.of(), null, "LOST",
            null, "PRICE_ONLY", true, List.of("BAD_TIMING"), "GOOD_FIT", "Discovery", "Superseded Inc");

    Map<String, Object> analysis(D d) {
        Map<String, Object> analysis = new HashMap<>();
        analysis.put("primaryReason", Map.of("reasonId", ids.get(d.primary()), "controllable", d.controllable()));
        analysis.put("contributingReasons", d.contributing().stream()
                .map(c -> Map.of("reasonId", ids.get(c), "controllable", true)).toList());
        analysis.put("stageLostAtId", ids.get(d.stage()));
        analysis.put("fit", d.fit());
        if (d.lossCompetitor() != null) analysis.put("competitor", d.lossCompetitor());
        analysis.put("whatWeWouldDoDifferently", "Answer the same day");
        return analysis;
    }

    void add(D d) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", d.name());
        body.put("account", d.account());
        if (d.owner() != null) body.put("ownerId", ids.get(d.owner()));
        if (d.team() != null) body.put("teamId", ids.get(d.team()));
        if (d.segment() != null) body.put("segmentId", ids.get(d.segment()));
        if (d.persona() != null) body.put("personaId", ids.get(d.persona()));
        if (d.leadSource() != null) body.put("leadSourceId", ids.get(d.leadSource()));
        if (d.amount() != null) body.put("amount", Map.of("value", new BigDecimal(d.amount()), "currency", d.currency()));
        if (!d.risk().isEmpty()) body.put("riskTags", d.risk());
        if (d.dealCompetitor() != null) body.put("competitor", d.dealCompetitor());
        String id = Api.createDeal(ws, body).statusCode(201).extract().path("id");
        Map<String, Object> close = new HashMap<>();
        close.put("outcome", d.outcome());
        close.put("closedOn", d.closedOn().toString());
        if (d.amended()) {
            // Lost first for other reasons, reopened, lost again: the first analysis is history (not current),
            // and only the current one may count.
            Map<String, Object> first = new HashMap<>(close);
            first.put("outcome", "LOST");
            first.put("lossAnalysis", analysis(SUPERSEDED));
            given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(first)
                    .post(DEALS + "/{d}/close", ws, id).then().statusCode(200);
            given().header("If-Match", "\"1\"").post(DEALS + "/{d}/reopen", ws, id).then().statusCode(200);
        }
        if (d.lost()) {
            close.put("lossAnalysis", analysis(d));
        }
        given().contentType(ContentType.JSON).header("If-Match", d.amended() ? "\"2\"" : "\"0\"").body(close)
                .post(DEALS + "/{d}/close", ws, id).then().statusCode(200);
        deals.add(d);
        dealIds.put(d, id);
    }

    // --- what the insights must answer, by plain Java ----------------------------------------------

    Stream<D> closedIn(LocalDate from, LocalDate to) {
        return deals.stream().filter(d -> !d.closedOn().isBefore(from) && !d.closedOn().isAfter(to));
    }

    Stream<D> lostIn(LocalDate from, LocalDate to, Predicate<D> filter) {
        return closedIn(from, to).filter(D::lost).filter(filter);
    }

    /** The keys a deal has in a grouping, as the test reads them from the answer (see {@code key} in the test). */
    List<String> keys(D d, String groupBy) {
        Function<String, List<String>> one = v -> List.of(v == null ? "none" : v);
        return switch (groupBy) {
            case "reason" -> one.apply(d.primary());
            case "reasonCategory" -> one.apply(CATEGORY.get(d.primary()));
            case "stageLostAt" -> one.apply(d.stage());
            case "segment" -> one.apply(d.segment());
            case "persona" -> one.apply(d.persona());
            case "team" -> one.apply(d.team());
            case "owner" -> one.apply(d.owner());
            case "competitor" -> one.apply(d.competitor());
            case "leadSource" -> one.apply(d.leadSource());
            case "riskTag" -> d.risk().isEmpty() ? List.of("none") : d.risk();
            default -> throw new IllegalArgumentException(groupBy);
        };
    }

    /** Contributing keys (reason codes or their categories, each once per deal). */
    List<String> contributingKeys(D d, String groupBy) {
        return d.contributing().stream().map(c -> groupBy.equals("reason") ? c : CATEGORY.get(c)).distinct().toList();
    }

    static boolean same(String a, String b) {
        return Objects.equals(a, b);
    }
}
