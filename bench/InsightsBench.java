import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Insight latency against a running Debrief, side by side with the raw SQL of the loss breakdown
 * (bench/loss-breakdown-baseline.sql) on the same PostgreSQL in the same run. Every call draws its
 * own period (1 to 12 months inside the last 24) and, every other call, a filter (a team, a segment,
 * an outcome or a risk tag), so no cache can turn the run into a lookup. Prints p50/p95 per endpoint.
 *
 * Through writes: while a workspace's calls run, a writer closes a new deal as LOST (with its analysis) in
 * that workspace through the API every WRITE_EVERY_MS (default 200), so the insights are measured while
 * deal_insight is being kept up to date, and the writes' own latency is printed beside them. Before the
 * calls, a freshness check: a deal closed LOST today shows in the very next breakdown of today.
 *
 * Usage: PGPASSWORD=... java -cp org.postgresql.postgresql-*.jar bench/InsightsBench.java
 *          baseUrl jdbcUrl requests big=<key>,<workspaceId> small=<key>,<workspaceId>
 */
public class InsightsBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Random RANDOM = new Random(14);

    public static void main(String[] args) throws Exception {
        String base = args[0] + "/api/v1/workspaces/";
        String jdbc = args[1];
        int requests = Integer.parseInt(args[2]);
        Map<String, String[]> workspaces = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] nameAndRest = args[i].split("=", 2);
            workspaces.put(nameAndRest[0], nameAndRest[1].split(","));
        }
        String sql = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("bench/loss-breakdown-baseline.sql")));
        System.out.println("| workspace | call | n | p50 ms | p95 ms |");
        System.out.println("|---|---|---|---|---|");
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", System.getenv("PGPASSWORD"))) {
            for (Map.Entry<String, String[]> workspace : workspaces.entrySet()) {
                String key = workspace.getValue()[0];
                String ws = workspace.getValue()[1];
                List<String> teams = ids(base + ws + "/vocabularies/teams", key);
                List<String> segments = ids(base + ws + "/vocabularies/segments", key);
                Writer writer = new Writer(base + ws, key);
                writer.freshnessCheck();
                Thread writing = new Thread(writer);
                writing.start();
                for (String call : List.of("loss-breakdown?groupBy=reason", "loss-breakdown?groupBy=team",
                        "loss-breakdown?groupBy=riskTag", "trend?interval=MONTH", "repeating-issues", "control")) {
                    boolean monthly = call.startsWith("trend");
                    List<Double> times = new ArrayList<>();
                    for (int i = 0; i < requests + 5; i++) {
                        String query = call + (call.contains("?") ? "&" : "?") + period(monthly)
                                + filter(i, teams, segments);
                        long t = System.nanoTime();
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + ws + "/insights/" + query))
                                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
                        double ms = (System.nanoTime() - t) / 1e6;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(query + " -> " + response.statusCode() + " " + response.body());
                        }
                        if (i >= 5) {
                            times.add(ms); // the first five warm up
                        }
                    }
                    row(workspace.getKey(), call, times);
                }
                writer.stop = true;
                writing.join();
                row(workspace.getKey(), "writes meanwhile: create + close LOST with analysis (" + writer.times.size() + ")",
                        writer.times);
                List<Double> raw = new ArrayList<>();
                for (int i = 0; i < requests + 5; i++) {
                    LocalDate[] period = range(false);
                    long t = System.nanoTime();
                    try (PreparedStatement s = db.prepareStatement(sql)) {
                        s.setObject(1, UUID.fromString(ws));
                        s.setObject(2, period[0]);
                        s.setObject(3, period[1]);
                        String team = i % 2 == 1 && !teams.isEmpty() ? teams.get(RANDOM.nextInt(teams.size())) : null;
                        s.setObject(4, team == null ? null : UUID.fromString(team), java.sql.Types.OTHER);
                        s.setObject(5, team == null ? null : UUID.fromString(team), java.sql.Types.OTHER);
                        try (ResultSet rows = s.executeQuery()) {
                            while (rows.next()) {
                                rows.getObject(1);
                            }
                        }
                    }
                    if (i >= 5) {
                        raw.add((System.nanoTime() - t) / 1e6);
                    }
                }
                row(workspace.getKey(), "raw SQL: loss breakdown by reason (anchor)", raw);
            }
            if (System.getenv("EXPLAIN") != null) {
                String ws = workspaces.values().iterator().next()[1];
                explain(db, "the anchor (bench/loss-breakdown-baseline.sql), last 12 months, no team", sql, ws, true);
                explain(db, "the service's primary-reason statement (JdbcInsightReadModel.groups, groupBy=reason), last 12 months",
                        SERVICE_BY_REASON, ws, false);
                explain(db, "the service's monthly trend statement (JdbcInsightReadModel.periods), last 24 months",
                        SERVICE_TREND, ws, false);
            }
        }
    }

    /** What JdbcInsightReadModel sends for the primary groups of groupBy=reason without filters (for EXPLAIN). */
    static final String SERVICE_BY_REASON = """
            select r.id, r.code, r.name, d.currency, count(*), sum(d.amount), count(*) filter (where d.controllable),
                   count(*) filter (where d.controllable is null), count(*) filter (where d.fit = 'WRONG_PROSPECT')
            from deal_insight d
            left join loss_reason r on r.workspace_id = d.workspace_id and r.id = d.primary_reason_id
            where d.workspace_id = ? and d.closed_on >= ? and d.closed_on <= ? and d.outcome = 'LOST'
            group by r.id, r.code, r.name, d.currency""";

    /** What JdbcInsightReadModel sends for the monthly trend over 24 months without filters (for EXPLAIN). */
    static final String SERVICE_TREND = """
            select date_trunc('month', s.closed_on::timestamp)::date, s.currency, sum(s.lost)::bigint, sum(s.lost_amount),
                   sum(s.controllable)::bigint, sum(s.wrong_prospect)::bigint, sum(s.won)::bigint,
                   sum(s.no_decision)::bigint, sum(s.closed)::bigint
            from (select d.closed_on, d.currency, count(*) filter (where d.outcome = 'LOST'),
                         sum(d.amount) filter (where d.outcome = 'LOST'),
                         count(*) filter (where d.outcome = 'LOST' and d.controllable),
                         count(*) filter (where d.outcome = 'LOST' and d.fit = 'WRONG_PROSPECT'),
                         count(*) filter (where d.outcome = 'WON'), count(*) filter (where d.outcome = 'NO_DECISION'), count(*)
                  from deal_insight d
                  where d.workspace_id = ? and d.closed_on >= ? and d.closed_on <= ? and d.outcome <> 'OPEN'
                  group by 1, 2) s(closed_on, currency, lost, lost_amount, controllable, wrong_prospect, won, no_decision, closed)
            group by 1, 2""";

    /** Closes new deals as LOST, one every WRITE_EVERY_MS, until stopped; times each create + close. */
    static final class Writer implements Runnable {
        final String workspace;
        final String key;
        final String reasonId;
        final String stageId;
        final List<Double> times = Collections.synchronizedList(new ArrayList<>());
        volatile boolean stop;
        int written;

        Writer(String workspace, String key) throws Exception {
            this.workspace = workspace;
            this.key = key;
            this.reasonId = ids(workspace + "/loss-reasons", key).get(0);
            this.stageId = ids(workspace + "/vocabularies/stages", key).get(0);
        }

        void closeOneLost() throws Exception {
            String created = send("/deals", "{\"name\":\"Written during the bench " + (++written) + "\"}", null);
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created);
            id.find();
            send("/deals/" + id.group(1) + "/close", "{\"outcome\":\"LOST\",\"closedOn\":\"" + LocalDate.now()
                    + "\",\"lossAnalysis\":{\"primaryReason\":{\"reasonId\":\"" + reasonId
                    + "\",\"controllable\":true},\"stageLostAtId\":\"" + stageId + "\",\"fit\":\"GOOD_FIT\",\"whatWeWouldDoDifferently\":\"Answer the same day\"}}", "\"0\"");
        }

        String send(String path, String json, String ifMatch) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(workspace + path))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        long lostToday() throws Exception {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(workspace + "/insights/loss-breakdown?groupBy=reason&from="
                            + LocalDate.now() + "&to=" + LocalDate.now())).header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher lost = Pattern.compile("\"lostDeals\":(\\d+)").matcher(body);
            if (!lost.find()) {
                throw new IllegalStateException("no lostDeals in " + body);
            }
            return Long.parseLong(lost.group(1));
        }

        void freshnessCheck() throws Exception {
            long before = lostToday();
            closeOneLost();
            long after = lostToday();
            if (after != before + 1) {
                throw new IllegalStateException("a deal closed LOST today is not in the next breakdown: " + before + " -> " + after);
            }
            System.out.println("freshness: a deal closed LOST today is in the next breakdown (" + before + " -> " + after + ")");
        }

        @Override
        public void run() {
            long every = Long.parseLong(System.getenv().getOrDefault("WRITE_EVERY_MS", "200"));
            try {
                while (!stop) {
                    long t = System.nanoTime();
                    closeOneLost();
                    double ms = (System.nanoTime() - t) / 1e6;
                    times.add(ms);
                    Thread.sleep(Math.max(0, every - (long) ms));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void explain(Connection db, String title, String sql, String ws, boolean teamParameters) throws Exception {
        int months = title.contains("24 months") ? 24 : 12;
        try (PreparedStatement s = db.prepareStatement("explain (analyze, buffers) " + sql)) {
            s.setObject(1, UUID.fromString(ws));
            s.setObject(2, LocalDate.now().minusMonths(months).plusDays(1));
            s.setObject(3, LocalDate.now());
            if (teamParameters) {
                s.setObject(4, null, java.sql.Types.OTHER);
                s.setObject(5, null, java.sql.Types.OTHER);
            }
            System.out.println("\nEXPLAIN (ANALYZE, BUFFERS) of " + title + ":");
            try (ResultSet plan = s.executeQuery()) {
                while (plan.next()) {
                    System.out.println("    " + plan.getString(1));
                }
            }
        }
    }

    static String period(boolean monthly) {
        LocalDate[] range = range(monthly);
        return "from=" + range[0] + "&to=" + range[1];
    }

    /** 1 to 12 months inside the last 24 (the whole 24 for a monthly trend, where the span is the point). */
    static LocalDate[] range(boolean whole) {
        LocalDate today = LocalDate.now();
        if (whole) {
            return new LocalDate[]{today.minusMonths(24).plusDays(1), today};
        }
        int months = 1 + RANDOM.nextInt(12);
        LocalDate from = today.minusMonths(24).plusDays(RANDOM.nextInt(365 * 2 - months * 30));
        return new LocalDate[]{from, from.plusMonths(months).minusDays(1)};
    }

    static String filter(int i, List<String> teams, List<String> segments) {
        if (i % 2 == 0) {
            return "";
        }
        return switch (RANDOM.nextInt(4)) {
            case 0 -> teams.isEmpty() ? "" : "&teamId=" + teams.get(RANDOM.nextInt(teams.size()));
            case 1 -> segments.isEmpty() ? "" : "&segmentId=" + segments.get(RANDOM.nextInt(segments.size()));
            case 2 -> "&riskTag=NEW_MARKET";
            default -> "&outcome=LOST";
        };
    }

    static List<String> ids(String url, String key) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static void row(String workspace, String call, List<Double> times) {
        Collections.sort(times);
        System.out.printf("| %s | %s | %d | %.1f | %.1f |%n", workspace, call, times.size(),
                times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1));
    }
}
