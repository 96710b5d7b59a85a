package dev.debrief.application.service.demo;

import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.RiskTag;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Twenty-four months of a made-up sales organisation, as plain values: the same seed and the same
 * {@code today} give the same history. The patterns a newcomer should find are built in on purpose
 * (see "Demo data" in docs/decisions.md):
 * <ul>
 * <li>the Mid-market team keeps losing on responsiveness, and its activities show why (answers in
 * hours or days where the other teams answer within the hour);</li>
 * <li>the IT-manager persona is lost early (discovery, qualification), often as a wrong prospect;</li>
 * <li>one competitor, Hooli, rises in the quarter that began six to nine months ago;</li>
 * <li>deals tagged as new markets or bigger deals are lost more often: the price of growth.</li>
 * </ul>
 * Everything else is noise around ordinary rates (about 35 % won, 50 % lost, 15 % no decision).
 */
final class DemoScenario {

    static final String TIME_ZONE = "Europe/Berlin";
    static final String CURRENCY = "EUR";
    static final int MONTHS = 24;

    static final List<String> TEAMS = List.of("Enterprise East", "Enterprise West", "Mid-market", "SMB inside sales");
    static final String SLOW_TEAM = "Mid-market";
    static final List<String> SEGMENTS = List.of("Enterprise", "Mid-market", "SMB");
    static final List<String> PERSONAS = List.of("CFO", "CIO", "Head of sales operations", "IT manager");
    static final String EARLY_LOSS_PERSONA = "IT manager";
    static final List<String> LEAD_SOURCES = List.of("Inbound web", "Outbound SDR", "Partner referral", "Events");
    static final List<String> COMPETITORS = List.of("Globex", "Initech", "Umbrella", "Hooli");
    static final String RISING_COMPETITOR = "Hooli";

    /** The default pipeline's stage codes (DefaultVocabulary), in order. */
    static final List<String> STAGES = List.of("PROSPECTING", "DISCOVERY", "QUALIFICATION", "SOLUTION", "PROPOSAL",
            "NEGOTIATION", "CLOSING");

    private static final String[] FIRST = {"Ana", "Ben", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hugo", "Ines",
            "Jonas", "Kaja", "Luca", "Mona", "Nils"};
    private static final String[] LAST = {"Kovac", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quist",
            "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Yilmaz"};
    private static final String[] ACCOUNT_PREFIX = {"Acme", "Bluebird", "Cobalt", "Delta", "Evergreen", "Fjord",
            "Granite", "Harbor", "Iris", "Juniper", "Keystone", "Lumen", "Meridian", "Nimbus", "Orchard", "Pioneer",
            "Quarry", "Redwood", "Summit", "Tidal", "Umber", "Vista", "Willow", "Zephyr"};
    private static final String[] ACCOUNT_SUFFIX = {"Logistics", "Health", "Retail", "Bank", "Energy", "Foods",
            "Media", "Systems", "Insurance", "Manufacturing"};
    private static final String[] PRODUCTS = {"Analytics suite", "Platform licence", "Support renewal", "Expansion",
            "Pilot", "Migration project", "Security add-on"};

    record Person(String email, String displayName, String team, boolean manager) {
    }

    record Reason(String code, Boolean controllable, String note) {
    }

    record Analysis(Reason primary, List<Reason> contributing, String stageLostAt, Fit fit, String competitor,
                    String whatHappened, String whatWeWouldDoDifferently) {
    }

    record Activity(String type, String direction, Instant occurredAt, boolean byOwner, String note) {
    }

    record DemoDeal(String name, String account, String ownerEmail, String team, BigDecimal amount, String stage,
                    String segment, String persona, String leadSource, LocalDate pitchedAt, int pitchedTermMonths,
                    Set<RiskTag> riskTags, String competitor, Outcome outcome, LocalDate closedOn, Analysis analysis,
                    List<Activity> activities) {
    }

    record Lesson(String statement, String rationale, String category, boolean adopted, int sourceDeals,
                  String sourceReason) {
    }

    private final SplittableRandom random;
    private final LocalDate today;
    private final ZoneId zone = ZoneId.of(TIME_ZONE);
    private final List<Person> people = new ArrayList<>();

    DemoScenario(long seed, LocalDate today) {
        this.random = new SplittableRandom(seed);
        this.today = today;
        int n = 0;
        for (String team : TEAMS) {
            for (int i = 0; i < 3; i++, n++) {
                people.add(person(n, team, false));
            }
        }
        people.add(person(n++, "Enterprise East", true));
        people.add(person(n, "Mid-market", true));
    }

    private static Person person(int n, String team, boolean manager) {
        String first = FIRST[n % FIRST.length];
        String last = LAST[(n * 5) % LAST.length];
        return new Person((first + "." + last).toLowerCase() + "@demo.debrief.invalid", first + " " + last, team, manager);
    }

    List<Person> people() {
        return List.copyOf(people);
    }

    /** About 45 closed deals a month and a few open ones, oldest first. */
    List<DemoDeal> deals() {
        List<DemoDeal> deals = new ArrayList<>();
        LocalDate start = today.minusMonths(MONTHS).plusDays(1);
        for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
            int count = day.getDayOfWeek().getValue() >= 6 ? 0 : 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                deals.add(deal(day, deals.size()));
            }
        }
        for (int i = 0; i < 40; i++) {
            deals.add(openDeal(deals.size()));
        }
        return deals;
    }

    List<Lesson> lessons() {
        return List.of(
                new Lesson("Answer every inbound call or email within one business hour",
                        "The Mid-market team lost deal after deal on slow responses.", "RESPONSIVENESS", true, 3,
                        "SLOW_RESPONSE"),
                new Lesson("Qualify IT managers for budget authority in the discovery call",
                        "IT managers rarely hold the budget; we found out at the proposal.", "PROSPECT_FIT", true, 3,
                        "POOR_FIT"),
                new Lesson("Bring a Hooli comparison to every solution demo",
                        "Hooli undercut us on price three times this quarter.", "COMPETITION", false, 2,
                        "LOST_TO_COMPETITOR"),
                new Lesson("Map the decision maker before the proposal",
                        "We wrote proposals for people who could not sign.", "DECISION_MAKER", false, 2,
                        "NO_DECISION_MAKER"));
    }

    private DemoDeal deal(LocalDate closedOn, int index) {
        Person owner = rep();
        String team = owner.team();
        String segment = team.startsWith("Enterprise") ? "Enterprise" : team.equals("Mid-market") ? "Mid-market" : "SMB";
        String persona = pick(PERSONAS);
        String leadSource = pick(LEAD_SOURCES);
        Set<RiskTag> tags = EnumSet.noneOf(RiskTag.class);
        if (chance(0.12)) {
            tags.add(RiskTag.NEW_MARKET);
        }
        if (chance(0.08)) {
            tags.add(RiskTag.BIGGER_DEAL);
        }
        if (chance(0.05)) {
            tags.add(RiskTag.NEW_PRODUCT_LINE);
        }
        boolean hooliQuarter = !closedOn.isBefore(today.minusMonths(9)) && closedOn.isBefore(today.minusMonths(6));
        String competitor = hooliQuarter && chance(0.5) ? RISING_COMPETITOR
                : chance(0.6) ? pick(COMPETITORS.subList(0, 3)) : null;

        double lossOdds = 0.50 + (team.equals(SLOW_TEAM) ? 0.15 : 0) + (persona.equals(EARLY_LOSS_PERSONA) ? 0.15 : 0)
                + (tags.isEmpty() ? 0 : 0.12) + (RISING_COMPETITOR.equals(competitor) ? 0.2 : 0);
        double roll = random.nextDouble();
        Outcome outcome = roll < Math.min(lossOdds, 0.9) ? Outcome.LOST
                : roll < Math.min(lossOdds, 0.9) + 0.15 ? Outcome.NO_DECISION : Outcome.WON;

        BigDecimal amount = amount(segment, tags.contains(RiskTag.BIGGER_DEAL));
        int term = chance(0.7) ? 12 : chance(0.5) ? 24 : 36;
        LocalDate pitchedAt = closedOn.minusDays(10 + random.nextInt(80));
        String stage = outcome == Outcome.WON ? "CLOSING" : STAGES.get(1 + random.nextInt(STAGES.size() - 1));
        Analysis analysis = outcome == Outcome.LOST ? analysis(team, persona, competitor, stage) : null;
        if (analysis != null) {
            stage = analysis.stageLostAt();
        }
        String account = pick(ACCOUNT_PREFIX) + " " + pick(ACCOUNT_SUFFIX);
        String name = account + " – " + pick(PRODUCTS) + " #" + (index + 1);
        return new DemoDeal(name, account, owner.email(), team, amount, stage, segment, persona, leadSource, pitchedAt,
                term, tags, competitor, outcome, closedOn, analysis, activities(pitchedAt, closedOn, team));
    }

    private DemoDeal openDeal(int index) {
        Person owner = rep();
        String account = pick(ACCOUNT_PREFIX) + " " + pick(ACCOUNT_SUFFIX);
        LocalDate pitchedAt = today.minusDays(5 + random.nextInt(60));
        return new DemoDeal(account + " – " + pick(PRODUCTS) + " #" + (index + 1), account, owner.email(), owner.team(),
                amount("Mid-market", false), STAGES.get(1 + random.nextInt(5)), pick(SEGMENTS), pick(PERSONAS),
                pick(LEAD_SOURCES), pitchedAt, 12, Set.of(), chance(0.5) ? pick(COMPETITORS) : null, Outcome.OPEN, null,
                null, activities(pitchedAt, today, owner.team()));
    }

    private Analysis analysis(String team, String persona, String competitor, String stage) {
        String primary;
        Fit fit = Fit.GOOD_FIT;
        String stageLostAt = stage;
        if (persona.equals(EARLY_LOSS_PERSONA) && chance(0.6)) {
            primary = chance(0.6) ? "POOR_FIT" : "NO_BUDGET";
            fit = chance(0.7) ? Fit.WRONG_PROSPECT : Fit.GOOD_FIT;
            stageLostAt = chance(0.5) ? "DISCOVERY" : "QUALIFICATION";
        } else if (team.equals(SLOW_TEAM) && chance(0.45)) {
            primary = "SLOW_RESPONSE";
        } else if (RISING_COMPETITOR.equals(competitor) && chance(0.7)) {
            primary = "LOST_TO_COMPETITOR";
            stageLostAt = chance(0.5) ? "PROPOSAL" : "NEGOTIATION";
        } else {
            primary = pick(List.of("WRONG_RESEARCH", "FEATURES_NOT_PAIN", "NO_DECISION_MAKER", "PRICE_ONLY",
                    "BAD_TIMING", "NO_BUDGET", "LOST_TO_COMPETITOR", "PRODUCT_GAP", "POOR_FIT", "OTHER"));
            if (primary.equals("POOR_FIT") && chance(0.5)) {
                fit = Fit.WRONG_PROSPECT;
            }
        }
        List<Reason> contributing = new ArrayList<>();
        if (chance(0.35)) {
            String second = team.equals(SLOW_TEAM) && !primary.equals("SLOW_RESPONSE") ? "SLOW_RESPONSE"
                    : pick(List.of("PRICE_ONLY", "NO_DECISION_MAKER", "WRONG_RESEARCH", "BAD_TIMING"));
            if (!second.equals(primary)) {
                contributing.add(new Reason(second, null, null));
            }
        }
        // A partly controllable reason is decided either way, as a person analysing would.
        Boolean controllable = primary.equals("LOST_TO_COMPETITOR") || primary.equals("POOR_FIT") || primary.equals("OTHER")
                ? chance(0.5) : null;
        String note = primary.equals("OTHER") ? "Champion left the company mid-cycle" : null;
        String lostCompetitor = primary.equals("LOST_TO_COMPETITOR") ? (competitor == null ? pick(COMPETITORS) : competitor)
                : competitor;
        return new Analysis(new Reason(primary, controllable, note), contributing, stageLostAt, fit, lostCompetitor,
                WHAT_HAPPENED.getOrDefault(primary, "The buyer went another way."),
                DO_DIFFERENTLY.getOrDefault(primary, "Confirm the buying process in writing after the first meeting."));
    }

    /** Touches over the deal's life: inbound ones answered fast, except in the slow team. */
    private List<Activity> activities(LocalDate pitchedAt, LocalDate end, String team) {
        List<Activity> activities = new ArrayList<>();
        int touches = 2 + random.nextInt(5);
        long span = Math.max(1, end.toEpochDay() - pitchedAt.toEpochDay());
        for (int i = 0; i < touches; i++) {
            LocalDate day = pitchedAt.plusDays(random.nextLong(span));
            Instant at = day.atTime(LocalTime.of(8 + random.nextInt(9), random.nextInt(60))).atZone(zone).toInstant();
            String type = pick(List.of("CALL", "EMAIL", "EMAIL", "MEETING"));
            if (chance(0.5)) {
                activities.add(new Activity(type, "INBOUND", at, false, "Customer asked about " + pick(TOPICS)));
                Duration wait = team.equals(SLOW_TEAM) && chance(0.6)
                        ? Duration.ofHours(6 + random.nextInt(60))
                        : Duration.ofMinutes(10 + random.nextInt(70));
                if (!team.equals(SLOW_TEAM) || chance(0.85)) {
                    activities.add(new Activity(chance(0.5) ? "EMAIL" : "CALL", "OUTBOUND", at.plus(wait), true,
                            "Answered: " + pick(TOPICS)));
                }
            } else {
                activities.add(new Activity(type, "OUTBOUND", at, true, "Followed up on " + pick(TOPICS)));
            }
            if (chance(0.15)) {
                activities.add(new Activity("NOTE", "INTERNAL", at.plus(Duration.ofMinutes(30)), true,
                        "Discussed the deal with the manager"));
            }
        }
        activities.sort(java.util.Comparator.comparing(Activity::occurredAt));
        Instant last = (end.isBefore(today) ? end.plusDays(1) : today).atStartOfDay(zone).toInstant(); // never ahead of now
        activities.removeIf(a -> a.occurredAt().isAfter(last));
        return activities;
    }

    private static final List<String> TOPICS = List.of("pricing", "the security review", "the pilot timeline",
            "references", "the contract draft", "an integration question", "the roll-out plan");

    private static final java.util.Map<String, String> WHAT_HAPPENED = java.util.Map.of(
            "SLOW_RESPONSE", "The buyer's questions waited two days for an answer; a competitor answered the same day.",
            "POOR_FIT", "They wanted a tool for a team of three; we sized an enterprise roll-out.",
            "LOST_TO_COMPETITOR", "The competitor came in 30 % cheaper in the final round.",
            "NO_DECISION_MAKER", "Our champion could not get the CFO to the table.",
            "PRICE_ONLY", "Every meeting turned to the discount; the value case never landed.",
            "FEATURES_NOT_PAIN", "We demoed every feature; the buyer's reporting pain came up once.",
            "NO_BUDGET", "The budget went to a compliance project this year.",
            "BAD_TIMING", "A reorganisation froze all new purchases for two quarters.");
    private static final java.util.Map<String, String> DO_DIFFERENTLY = java.util.Map.of(
            "SLOW_RESPONSE", "Answer inbound questions within the hour and name a backup when away.",
            "POOR_FIT", "Ask about team size and budget owner in the discovery call.",
            "LOST_TO_COMPETITOR", "Lead with the total cost of ownership before the price round.",
            "NO_DECISION_MAKER", "Ask the champion to introduce the budget owner before the proposal.",
            "PRICE_ONLY", "Quantify the customer's pain before talking price.",
            "FEATURES_NOT_PAIN", "Open the demo with the customer's own problem.");

    private Person rep() {
        Person person;
        do {
            person = people.get(random.nextInt(people.size()));
        } while (person.manager());
        return person;
    }

    private BigDecimal amount(String segment, boolean bigger) {
        int base = switch (segment) {
            case "Enterprise" -> 60_000;
            case "Mid-market" -> 18_000;
            default -> 4_000;
        };
        double value = base * (0.5 + random.nextDouble()) * (bigger ? 3 : 1);
        return BigDecimal.valueOf(Math.round(value / 100) * 100L).setScale(2);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
