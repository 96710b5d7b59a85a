import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Partner ingest throughput against a running Debrief, then a raw SQL baseline of the same rows on
 * the same PostgreSQL. Run with the PostgreSQL driver on the class path (bench/ingest-bench.sh does
 * all of it):
 *
 * <pre>PGPASSWORD=... java -cp org.postgresql.postgresql-*.jar bench/IngestBench.java baseUrl adminApiKey jdbcUrl
 *      [items=100000] [batch=500] [clients=4] [updateShare=0.2] [warmupBatchesPerClient=4]</pre>
 *
 * Data: each client owns its own external ids. Its first batch only creates; every later batch is
 * (1 - updateShare) new deals and updateShare updates of deals that client sent in an earlier batch,
 * with a newer occurredAt and a new state. Outcomes ~50% OPEN, 20% WON, 25% LOST (half with reason
 * codes, a stage lost at and a fit; half with only a reason text, so PENDING_TRIAGE), 5% NO_DECISION;
 * 7 stages by name or code; 90% with an amount. No two batches are the same.
 *
 * Service: POST .../deal-outcomes/batch, one Idempotency-Key per batch, clients in parallel, each
 * sending its batches one after the other. deals/s = items acknowledged (200, not rejected) per
 * second of wall time. Two rounds of the same size and shape with new external ids: round 1 on the
 * fresh database, round 2 after an ANALYZE (what autovacuum does on its own within about a minute;
 * see docs/benchmarks.md for why round 1 is slow). Warm-up batches (own ids) run first, not counted.
 *
 * Raw baseline (after round 2): the round-1 batches, the same concurrency, one JDBC connection per client, into a fresh
 * workspace made in SQL (a copy of the admin workspace's stages and loss reasons). Per batch, one
 * transaction: an unnest upsert into deal (ON CONFLICT on the external reference, updating only
 * when occurredAt is newer) that returns the previous outcome; the previous current analyses of
 * updated deals marked not current; the new loss_analysis rows and their loss_analysis_reason rows;
 * a deal_outcome_change row per outcome that changed. It writes no audit_event or deal_triage rows
 * and does no per-item validation or vocabulary resolution (the service does both).
 */
public class IngestBench {

    static final String[] STAGE_CODES = {"PROSPECTING", "DISCOVERY", "QUALIFICATION", "SOLUTION", "PROPOSAL", "NEGOTIATION", "CLOSING"};
    static final String[] STAGE_NAMES = {"Prospecting", "Discovery", "Qualification", "Solution", "Proposal", "Negotiation", "Closing"};
    static final String[] REASONS = {"WRONG_RESEARCH", "FEATURES_NOT_PAIN", "NO_DECISION_MAKER", "PRICE_ONLY", "SLOW_RESPONSE",
            "POOR_FIT", "BAD_TIMING", "NO_BUDGET", "LOST_TO_COMPETITOR", "PRODUCT_GAP", "OTHER"};
    static final String SOURCE = "salesforce";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One deal state as a partner sends it. */
    record Item(String externalId, Instant occurredAt, String name, String account, Long amount, int stage,
                boolean stageByName, String outcome, LocalDate closedOn, List<String> reasonCodes, String reasonText,
                int stageLostAt, String fit) {

        boolean closed() {
            return !outcome.equals("OPEN");
        }

        String json() {
            StringBuilder b = new StringBuilder(400).append("{\"source\":\"").append(SOURCE).append("\",\"externalId\":\"")
                    .append(externalId).append("\",\"occurredAt\":\"").append(occurredAt).append("\",\"name\":\"")
                    .append(name).append("\",\"account\":\"").append(account).append('"');
            if (amount != null) b.append(",\"amount\":{\"value\":").append(amount).append(",\"currency\":\"EUR\"}");
            b.append(",\"stage\":\"").append(stageByName ? STAGE_NAMES[stage] : STAGE_CODES[stage]).append('"');
            b.append(",\"outcome\":\"").append(outcome).append('"');
            if (closedOn != null) b.append(",\"closedOn\":\"").append(closedOn).append('"');
            if (outcome.equals("LOST")) {
                b.append(",\"lossAnalysis\":{");
                if (!reasonCodes.isEmpty()) {
                    b.append("\"reasonCodes\":[");
                    for (int i = 0; i < reasonCodes.size(); i++) b.append(i == 0 ? "" : ",").append('"').append(reasonCodes.get(i)).append('"');
                    b.append("],\"stageLostAt\":\"").append(STAGE_NAMES[stageLostAt]).append("\",\"fit\":\"").append(fit).append('"');
                } else {
                    b.append("\"reasonText\":\"").append(reasonText).append('"');
                }
                b.append('}');
            }
            return b.append('}').toString();
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        String jdbcUrl = args[2];
        int items = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int batchSize = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        int clients = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        double updateShare = args.length > 6 ? Double.parseDouble(args[6]) : 0.2;
        int warmup = args.length > 7 ? Integer.parseInt(args[7]) : 4;
        String prefix = args.length > 8 ? args[8] : "d"; // another prefix: new external ids, for a second run on the same service
        String api = base + "/api/v1";

        Matcher me = Pattern.compile("\"workspaces\":\\[\\{\"id\":\"([^\"]+)\"").matcher(get(api + "/me", key));
        if (!me.find()) throw new IllegalStateException("the key names no workspace");
        String ws = me.group(1);

        Instant start = Instant.now().minus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<List<List<Item>>> data = generate(prefix, items, batchSize, clients, updateShare, start, 42);
        List<List<List<Item>>> warm = generate(prefix + "warmup-", warmup * batchSize * clients, batchSize, clients, updateShare, start, 7);
        long updates = data.stream().flatMap(List::stream).flatMap(List::stream).map(Item::externalId).count()
                - data.stream().flatMap(List::stream).flatMap(List::stream).map(Item::externalId).distinct().count();
        Map<String, Long> outcomes = new java.util.TreeMap<>();
        data.stream().flatMap(List::stream).flatMap(List::stream).forEach(i -> outcomes.merge(
                i.outcome() + (i.outcome().equals("LOST") ? (i.reasonCodes().isEmpty() ? " (reason text only)" : " (reason codes)") : ""), 1L, Long::sum));
        System.out.printf("Data: %d items (%d updates of earlier deals), batches of %d, %d clients; outcomes %s%n",
                items, updates, batchSize, clients, outcomes);

        // ---- service ----
        String url = api + "/workspaces/" + ws + "/deal-outcomes/batch";
        if (warmup > 0) {
            Result w = runService(url, key, warm);
            System.out.printf("Warm-up (not counted): %d items in %.1f s%n", w.acknowledged, w.seconds);
        }
        Result cold = runService(url, key, data);
        print("Service, round 1 (fresh database)", cold);
        // PostgreSQL plans the foreign-key checks of a connection once and keeps the plan until the
        // table's statistics change; tables never analyzed get a plan that can scan the workspace's
        // deals per check. Autovacuum analyzes within about a minute; round 2 measures after that.
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("analyze");
        }
        List<List<List<Item>>> data2 = generate(prefix + "r2-", items, batchSize, clients, updateShare, start, 43);
        Result service = runService(url, key, data2);
        print("Service, round 2 (after ANALYZE)", service);

        // ---- raw SQL ----
        UUID rawWs = UUID.randomUUID();
        try (Connection c = connect(jdbcUrl)) {
            c.setAutoCommit(false);
            createWorkspace(c, UUID.fromString(ws), rawWs);
            c.commit();
        }
        if (warmup > 0) {
            Result w = runRaw(jdbcUrl, rawWs, warm);
            System.out.printf("Raw warm-up (not counted): %d items in %.1f s%n", w.acknowledged, w.seconds);
        }
        Result raw = runRaw(jdbcUrl, rawWs, data);
        System.out.printf("Raw SQL: %d items in %.1f s = %.0f deals/s; batch latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n",
                raw.acknowledged, raw.seconds, raw.rate(), pct(raw.latencies, 50), pct(raw.latencies, 95), pct(raw.latencies, 99));

        try (Connection c = connect(jdbcUrl)) {
            for (String[] q : new String[][]{{"service workspace (round 2)", ws, prefix + "r2-"}, {"raw workspace", rawWs.toString(), prefix}}) {
                try (PreparedStatement s = c.prepareStatement("""
                        select (select count(*) from deal where workspace_id = ?::uuid and external_id like ? || '%' and external_id not like '%warmup%'),
                               (select count(*) from loss_analysis a join deal d on d.id = a.deal_id where a.workspace_id = ?::uuid and a.current and d.external_id like ? || '%' and d.external_id not like '%warmup%'),
                               (select count(*) from deal_outcome_change o join deal d on d.id = o.deal_id where o.workspace_id = ?::uuid and d.external_id like ? || '%' and d.external_id not like '%warmup%')""")) {
                    for (int p = 0; p < 3; p++) {
                        s.setString(2 * p + 1, q[1]);
                        s.setString(2 * p + 2, q[2]);
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        System.out.printf("Rows in the %s: %d deals, %d current analyses, %d outcome changes%n", q[0],
                                rs.getLong(1), rs.getLong(2), rs.getLong(3));
                    }
                }
            }
        }
        System.out.printf("%n| run | items | wall s | deals/s | batch p50 ms | batch p95 ms |%n|---|---|---|---|---|---|%n");
        System.out.printf("| service round 1, fresh database (HTTP, %d clients) | %d | %.1f | %.0f | %.0f | %.0f |%n", clients, cold.acknowledged,
                cold.seconds, cold.rate(), pct(cold.latencies, 50), pct(cold.latencies, 95));
        System.out.printf("| service round 2, after ANALYZE (HTTP, %d clients) | %d | %.1f | %.0f | %.0f | %.0f |%n", clients, service.acknowledged,
                service.seconds, service.rate(), pct(service.latencies, 50), pct(service.latencies, 95));
        System.out.printf("| raw SQL (JDBC, %d connections) | %d | %.1f | %.0f | %.0f | %.0f |%n", clients, raw.acknowledged,
                raw.seconds, raw.rate(), pct(raw.latencies, 50), pct(raw.latencies, 95));
        System.out.printf("%nRatio service round 1/raw: %.1f%%%n", 100 * cold.rate() / raw.rate());
        System.out.printf("Ratio service/raw (round 2): %.1f%% (targets: service >= 5000 deals/s: %s; >= 20%% of raw: %s)%n",
                100 * service.rate() / raw.rate(), service.rate() >= 5000 ? "met" : "MISSED",
                service.rate() >= 0.2 * raw.rate() ? "met" : "MISSED");
    }

    // ------------------------------------------------------------------ data

    /** Per client, its batches; deterministic for a seed. Every item is a new state (no identical resend). */
    static List<List<List<Item>>> generate(String prefix, int items, int batchSize, int clients, double updateShare,
                                           Instant start, long seed) {
        List<List<List<Item>>> all = new ArrayList<>();
        int perClient = items / clients;
        for (int c = 0; c < clients; c++) {
            Random r = new Random(seed * 31 + c);
            List<List<Item>> batches = new ArrayList<>();
            List<Item> latest = new ArrayList<>(); // the newest state of each of this client's deals sent so far
            int sent = 0;
            int seq = 0;
            while (sent < perClient) {
                int size = Math.min(batchSize, perClient - sent);
                int sentBefore = latest.size(); // only deals of earlier batches are updated
                int updates = batches.isEmpty() ? 0 : (int) Math.round(size * updateShare);
                List<Item> batch = new ArrayList<>(size);
                Set<Integer> touched = new HashSet<>();
                for (int k = 0; k < size; k++) {
                    Instant at = start.plusSeconds((long) (seq++) * clients * 2 + c * 2L);
                    if (k < updates) {
                        int idx;
                        do idx = r.nextInt(sentBefore); while (!touched.add(idx));
                        Item previous = latest.get(idx);
                        Item next = item(r, previous.externalId(), at, previous.name().replaceAll(" v\\d+$", "") + " v" + (seq % 9 + 2));
                        latest.set(idx, next);
                        batch.add(next);
                    } else {
                        String ext = prefix + c + "-" + latest.size();
                        Item next = item(r, ext, at, "Deal " + ext);
                        latest.add(next);
                        batch.add(next);
                    }
                }
                Collections.shuffle(batch, r);
                batches.add(batch);
                sent += size;
            }
            all.add(batches);
        }
        return all;
    }

    static Item item(Random r, String externalId, Instant at, String name) {
        int p = r.nextInt(100);
        String outcome = p < 50 ? "OPEN" : p < 70 ? "WON" : p < 95 ? "LOST" : "NO_DECISION";
        LocalDate closedOn = outcome.equals("OPEN") ? null : LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(1 + r.nextInt(30));
        List<String> codes = List.of();
        String text = null;
        String fit = null;
        int lostAt = r.nextInt(STAGE_CODES.length);
        if (outcome.equals("LOST")) {
            if (r.nextBoolean()) {
                List<String> all = new ArrayList<>(List.of(REASONS));
                Collections.shuffle(all, r);
                codes = List.copyOf(all.subList(0, 1 + r.nextInt(3)));
                fit = r.nextInt(4) == 0 ? "WRONG_PROSPECT" : "GOOD_FIT";
            } else {
                text = "They said: " + (r.nextBoolean() ? "too expensive" : "went with the incumbent") + " #" + r.nextInt(1000);
            }
        }
        return new Item(externalId, at, name, "Account " + r.nextInt(5000), r.nextInt(10) == 0 ? null : 1000L + r.nextInt(250_000),
                r.nextInt(STAGE_CODES.length), r.nextBoolean(), outcome, closedOn, codes, text, lostAt, fit);
    }

    // ------------------------------------------------------------------ service

    static final class Result {
        long acknowledged;
        double seconds;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> totals = new java.util.TreeMap<>();

        double rate() {
            return acknowledged / seconds;
        }
    }

    static final Pattern TOTAL = Pattern.compile("\"(created|updated|unchanged|stale|rejected)\":(\\d+)");

    static Result runService(String url, String key, List<List<List<Item>>> data) throws Exception {
        Result result = new Result();
        AtomicLong acked = new AtomicLong();
        Map<String, AtomicLong> totals = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(data.size());
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (List<List<Item>> batches : data) {
            futures.add(pool.submit(() -> {
                for (List<Item> batch : batches) {
                    StringBuilder body = new StringBuilder(batch.size() * 400).append("{\"items\":[");
                    for (int i = 0; i < batch.size(); i++) body.append(i == 0 ? "" : ",").append(batch.get(i).json());
                    body.append("]}");
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
                    long t = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    result.latencies.add((System.nanoTime() - t) / 1e6);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    String tail = response.body().substring(response.body().lastIndexOf("\"totals\""));
                    Matcher m = TOTAL.matcher(tail);
                    long rejected = 0;
                    while (m.find()) {
                        long n = Long.parseLong(m.group(2));
                        totals.computeIfAbsent(m.group(1), k -> new AtomicLong()).addAndGet(n);
                        if (m.group(1).equals("rejected")) rejected = n;
                    }
                    if (rejected > 0 && totals.get("rejected").get() == rejected) {
                        System.out.println("first rejected batch: " + response.body().substring(0, Math.min(3000, response.body().length())));
                    }
                    acked.addAndGet(batch.size() - rejected);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        result.seconds = (System.nanoTime() - t0) / 1e9;
        result.acknowledged = acked.get();
        totals.forEach((k, v) -> result.totals.put(k, v.get()));
        Collections.sort(result.latencies);
        return result;
    }

    static String get(String url, String key) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
        return r.body();
    }

    // ------------------------------------------------------------------ raw SQL

    static Connection connect(String jdbcUrl) throws SQLException {
        // PGPASSWORD: the embedded PostgreSQL's password (superuser.password in its data folder)
        return DriverManager.getConnection(jdbcUrl, "postgres", System.getenv("PGPASSWORD"));
    }

    static void createWorkspace(Connection c, UUID from, UUID ws) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into workspace (id, name, time_zone, default_currency, created_at, updated_at, version)
                select ?, 'raw ingest baseline', time_zone, default_currency, now(), now(), 0 from workspace where id = ?""")) {
            s.setObject(1, ws);
            s.setObject(2, from);
            if (s.executeUpdate() != 1) throw new IllegalStateException("no workspace " + from);
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into vocabulary_entry (id, workspace_id, kind, code, name, position, archived, version)
                select gen_random_uuid(), ?, kind, code, name, position, archived, 0 from vocabulary_entry where workspace_id = ?""")) {
            s.setObject(1, ws);
            s.setObject(2, from);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into loss_reason (id, workspace_id, code, name, category, default_controllability, archived, version)
                select gen_random_uuid(), ?, code, name, category, default_controllability, archived, 0 from loss_reason where workspace_id = ?""")) {
            s.setObject(1, ws);
            s.setObject(2, from);
            s.executeUpdate();
        }
    }

    record Reason(UUID id, Boolean controllable) {
    }

    static Result runRaw(String jdbcUrl, UUID ws, List<List<List<Item>>> data) throws Exception {
        Map<String, UUID> stages = new HashMap<>();
        Map<String, Reason> reasons = new HashMap<>();
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select code, id from vocabulary_entry where kind = 'STAGE' and workspace_id = '" + ws + "'")) {
                while (rs.next()) stages.put(rs.getString(1), rs.getObject(2, UUID.class));
            }
            try (ResultSet rs = s.executeQuery("select code, id, default_controllability from loss_reason where workspace_id = '" + ws + "'")) {
                while (rs.next()) {
                    String dc = rs.getString(3);
                    reasons.put(rs.getString(1), new Reason(rs.getObject(2, UUID.class), dc.equals("YES") ? Boolean.TRUE : dc.equals("NO") ? Boolean.FALSE : null));
                }
            }
        }
        Result result = new Result();
        AtomicLong acked = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(data.size());
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (List<List<Item>> batches : data) {
            futures.add(pool.submit(() -> {
                try (Connection c = connect(jdbcUrl)) {
                    c.setAutoCommit(false);
                    for (List<Item> batch : batches) {
                        long t = System.nanoTime();
                        rawBatch(c, ws, batch, stages, reasons);
                        c.commit();
                        result.latencies.add((System.nanoTime() - t) / 1e6);
                        acked.addAndGet(batch.size());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        result.seconds = (System.nanoTime() - t0) / 1e9;
        result.acknowledged = acked.get();
        Collections.sort(result.latencies);
        return result;
    }

    static void rawBatch(Connection c, UUID ws, List<Item> unsorted, Map<String, UUID> stages, Map<String, Reason> reasons)
            throws SQLException {
        List<Item> batch = new ArrayList<>(unsorted);
        batch.sort(java.util.Comparator.comparing(Item::externalId)); // lock order
        Instant now = Instant.now();
        int n = batch.size();
        Object[] ids = new Object[n], names = new Object[n], accounts = new Object[n], amounts = new Object[n],
                currencies = new Object[n], stageIds = new Object[n], exts = new Object[n], outcomes = new Object[n],
                closed = new Object[n], occurred = new Object[n];
        Map<String, Item> byExt = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Item it = batch.get(i);
            byExt.put(it.externalId(), it);
            ids[i] = UUID.randomUUID();
            names[i] = it.name();
            accounts[i] = it.account();
            amounts[i] = it.amount();
            currencies[i] = it.amount() == null ? null : "EUR";
            stageIds[i] = stages.get(STAGE_CODES[it.stage()]);
            exts[i] = it.externalId();
            outcomes[i] = it.outcome();
            closed[i] = it.closedOn() == null ? null : it.closedOn().toString();
            occurred[i] = it.occurredAt().toString();
        }
        record Row(UUID id, String ext, boolean inserted, String oldOutcome) {
        }
        List<Row> rows = new ArrayList<>(n);
        try (PreparedStatement s = c.prepareStatement("""
                with v as (
                    select * from unnest(?::uuid[], ?::text[], ?::text[], ?::numeric[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::timestamptz[])
                        with ordinality as v(id, name, account, amount, currency, stage_id, external_id, outcome, closed_on, occurred_at, n)),
                old as (
                    select d.external_id, d.outcome from deal d join v on d.external_id = v.external_id
                    where d.workspace_id = ? and d.external_source = ?),
                up as (
                    insert into deal (id, workspace_id, name, account, amount, currency, stage_id, external_source, external_id,
                                      outcome, closed_on, created_at, updated_at, version, source_occurred_at)
                    select v.id, ?, v.name, v.account, v.amount, v.currency, v.stage_id, ?, v.external_id, v.outcome, v.closed_on,
                           ?, ?, 0, v.occurred_at
                    from v order by v.n
                    on conflict (workspace_id, external_source, external_id) where external_source is not null
                    do update set name = excluded.name, account = excluded.account, amount = excluded.amount,
                           currency = excluded.currency, stage_id = excluded.stage_id, outcome = excluded.outcome,
                           closed_on = excluded.closed_on, updated_at = excluded.updated_at, version = deal.version + 1,
                           source_occurred_at = excluded.source_occurred_at
                    where deal.source_occurred_at is null or deal.source_occurred_at < excluded.source_occurred_at
                    returning id, external_id, xmax = 0 as inserted)
                select up.id, up.external_id, up.inserted, old.outcome from up left join old on old.external_id = up.external_id""")) {
            int p = 1;
            s.setArray(p++, c.createArrayOf("uuid", ids));
            s.setArray(p++, c.createArrayOf("text", names));
            s.setArray(p++, c.createArrayOf("text", accounts));
            s.setArray(p++, c.createArrayOf("numeric", amounts));
            s.setArray(p++, c.createArrayOf("text", currencies));
            s.setArray(p++, c.createArrayOf("uuid", stageIds));
            s.setArray(p++, c.createArrayOf("text", exts));
            s.setArray(p++, c.createArrayOf("text", outcomes));
            s.setArray(p++, c.createArrayOf("text", closed));
            s.setArray(p++, c.createArrayOf("text", occurred));
            s.setObject(p++, ws);
            s.setString(p++, SOURCE);
            s.setObject(p++, ws);
            s.setString(p++, SOURCE);
            s.setObject(p++, java.sql.Timestamp.from(now));
            s.setObject(p++, java.sql.Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
                }
            }
        }
        List<Object> updatedDeals = new ArrayList<>();
        List<Object> aId = new ArrayList<>(), aDeal = new ArrayList<>(), aStatus = new ArrayList<>(), aStage = new ArrayList<>(),
                aFit = new ArrayList<>(), aText = new ArrayList<>();
        List<Object> rAnalysis = new ArrayList<>(), rPos = new ArrayList<>(), rReason = new ArrayList<>(), rRole = new ArrayList<>(),
                rCtl = new ArrayList<>();
        List<Object> oId = new ArrayList<>(), oDeal = new ArrayList<>(), oKind = new ArrayList<>(), oOutcome = new ArrayList<>(),
                oClosed = new ArrayList<>(), oAnalysis = new ArrayList<>(), oAt = new ArrayList<>();
        for (Row row : rows) {
            Item it = byExt.get(row.ext());
            if (!row.inserted()) updatedDeals.add(row.id());
            UUID analysis = null;
            if (it.outcome().equals("LOST")) {
                analysis = UUID.randomUUID();
                boolean complete = !it.reasonCodes().isEmpty();
                aId.add(analysis);
                aDeal.add(row.id());
                aStatus.add(complete ? "COMPLETE" : "PENDING_TRIAGE");
                aStage.add(complete ? stages.get(STAGE_CODES[it.stageLostAt()]) : null);
                aFit.add(it.fit());
                aText.add(it.reasonText());
                for (int k = 0; k < it.reasonCodes().size(); k++) {
                    Reason reason = reasons.get(it.reasonCodes().get(k));
                    rAnalysis.add(analysis);
                    rPos.add(k);
                    rReason.add(reason.id());
                    rRole.add(k == 0 ? "PRIMARY" : "CONTRIBUTING");
                    rCtl.add(reason.controllable() == null ? Boolean.TRUE : reason.controllable());
                }
            }
            String old = row.inserted() ? "OPEN" : row.oldOutcome();
            if (!it.outcome().equals(old)) {
                oId.add(UUID.randomUUID());
                oDeal.add(row.id());
                oKind.add(it.closed() ? "CLOSED" : "REOPENED");
                oOutcome.add(it.outcome());
                oClosed.add(it.closedOn() == null ? null : it.closedOn().toString());
                oAnalysis.add(analysis);
                oAt.add(now.toString());
            }
        }
        if (!updatedDeals.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "update loss_analysis set current = false where workspace_id = ? and deal_id = any(?) and current")) {
                s.setObject(1, ws);
                s.setArray(2, c.createArrayOf("uuid", updatedDeals.toArray()));
                s.executeUpdate();
            }
        }
        if (!aId.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into loss_analysis (id, workspace_id, deal_id, current, status, stage_lost_at_id, fit, partner_reason_text,
                                               source, created_at, updated_at)
                    select v.id, ?, v.deal_id, true, v.status, v.stage_id, v.fit, v.text, 'PARTNER', ?, ?
                    from unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[]) as v(id, deal_id, status, stage_id, fit, text)""")) {
                s.setObject(1, ws);
                s.setObject(2, java.sql.Timestamp.from(now));
                s.setObject(3, java.sql.Timestamp.from(now));
                s.setArray(4, c.createArrayOf("uuid", aId.toArray()));
                s.setArray(5, c.createArrayOf("uuid", aDeal.toArray()));
                s.setArray(6, c.createArrayOf("text", aStatus.toArray()));
                s.setArray(7, c.createArrayOf("uuid", aStage.toArray()));
                s.setArray(8, c.createArrayOf("text", aFit.toArray()));
                s.setArray(9, c.createArrayOf("text", aText.toArray()));
                s.executeUpdate();
            }
        }
        if (!rAnalysis.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into loss_analysis_reason (analysis_id, position, workspace_id, reason_id, role, controllable)
                    select v.a, v.p, ?, v.r, v.role, v.c from unnest(?::uuid[], ?::int[], ?::uuid[], ?::text[], ?::boolean[]) as v(a, p, r, role, c)""")) {
                s.setObject(1, ws);
                s.setArray(2, c.createArrayOf("uuid", rAnalysis.toArray()));
                s.setArray(3, c.createArrayOf("int4", rPos.toArray()));
                s.setArray(4, c.createArrayOf("uuid", rReason.toArray()));
                s.setArray(5, c.createArrayOf("text", rRole.toArray()));
                s.setArray(6, c.createArrayOf("bool", rCtl.toArray()));
                s.executeUpdate();
            }
        }
        if (!oId.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into deal_outcome_change (id, workspace_id, deal_id, kind, outcome, closed_on, analysis_id, occurred_at)
                    select v.id, ?, v.deal_id, v.kind, v.outcome, v.closed_on, v.analysis_id, v.at
                    from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::date[], ?::uuid[], ?::timestamptz[])
                         as v(id, deal_id, kind, outcome, closed_on, analysis_id, at)""")) {
                s.setObject(1, ws);
                s.setArray(2, c.createArrayOf("uuid", oId.toArray()));
                s.setArray(3, c.createArrayOf("uuid", oDeal.toArray()));
                s.setArray(4, c.createArrayOf("text", oKind.toArray()));
                s.setArray(5, c.createArrayOf("text", oOutcome.toArray()));
                s.setArray(6, c.createArrayOf("text", oClosed.toArray()));
                s.setArray(7, c.createArrayOf("uuid", oAnalysis.toArray()));
                s.setArray(8, c.createArrayOf("text", oAt.toArray()));
                s.executeUpdate();
            }
        }
    }

    static void print(String label, Result r) {
        System.out.printf("%s: %d items acknowledged (%s) in %.1f s = %.0f deals/s; batch latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                label, r.acknowledged, r.totals, r.seconds, r.rate(), pct(r.latencies, 50), pct(r.latencies, 95),
                pct(r.latencies, 99), r.latencies.get(r.latencies.size() - 1));
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
