import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash drill for partner ingest: pushes batches with Idempotency-Keys from several clients,
 * kill -9s the service and its embedded PostgreSQL in the middle, restarts it on the same data
 * directory, lets the clients retry what they got no 2xx for (same key, same body), and verifies
 * the database. Run with the PostgreSQL driver on the class path (bench/crash-drill.sh does it):
 *
 * <pre>java -cp org.postgresql.postgresql-*.jar bench/CrashDrill.java jar dataDir [clients=4] [batchesPerClient=30] [batchSize=200] [seed]</pre>
 *
 * Checks: every acknowledged item's deal exists; every external id exists exactly once; no deal
 * holds an older state than the newest acknowledged one (source_occurred_at, and name and outcome
 * when the time is the same); no retry stuck on 409 idempotency.in-flight for more than 30 s; the
 * PostgreSQL processes really died with the kill. Exit status 0 only when all hold.
 */
public class CrashDrill {

    static final String SOURCE = "drill";
    static final String[] STAGES = {"PROSPECTING", "DISCOVERY", "Qualification", "SOLUTION", "Proposal", "NEGOTIATION", "Closing"};
    static final String[] REASONS = {"WRONG_RESEARCH", "PRICE_ONLY", "SLOW_RESPONSE", "POOR_FIT", "BAD_TIMING", "NO_BUDGET", "LOST_TO_COMPETITOR"};
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final Duration STUCK = Duration.ofSeconds(30);

    record Item(String externalId, Instant occurredAt, String name, String outcome, String json) {
    }

    record Batch(String key, List<Item> items, String body) {
    }

    /** The service process of one start. */
    record Service(Process process, long pgid, String base, int pgPort, String log) {
    }

    static volatile String base;
    static String key;
    static String workspace;

    // counters
    static final AtomicLong itemsSent = new AtomicLong();
    static final AtomicLong ackedBeforeCrash = new AtomicLong();
    static final AtomicLong ackedAfterCrash = new AtomicLong();
    static final AtomicInteger batchesRetried = new AtomicInteger();
    static final AtomicInteger attemptsFailed = new AtomicInteger();
    static final AtomicInteger replayed = new AtomicInteger();
    static final AtomicInteger inFlight409 = new AtomicInteger();
    static final AtomicInteger stuck = new AtomicInteger();
    static final AtomicInteger unexpected = new AtomicInteger();
    static volatile boolean crashed;
    static final AtomicInteger batchesAcked = new AtomicInteger();
    /** Newest acknowledged state per external id. */
    static final Map<String, Item> newestAcked = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        try {
            drill(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.out.println("RESULT FAIL: " + e);
            System.exit(2);
        }
    }

    static void drill(String[] args) throws Exception {
        String jar = args[0];
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int batchesPerClient = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int batchSize = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        long seed = args.length > 5 ? Long.parseLong(args[5]) : System.nanoTime();
        Random random = new Random(seed);

        Service service = start(jar, dataDir, 1);
        Matcher adminKey = Pattern.compile("dbk_[A-Za-z0-9_-]+").matcher(Files.readString(Path.of(service.log())));
        if (!adminKey.find()) throw new IllegalStateException("no admin key printed at first start");
        key = adminKey.group();
        Matcher me = Pattern.compile("\"workspaces\":\\[\\{\"id\":\"([^\"]+)\"").matcher(get(base + "/api/v1/me"));
        if (!me.find()) throw new IllegalStateException("the key names no workspace");
        workspace = me.group(1);

        Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<List<Batch>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) work.add(generate(c, clients, batchesPerClient, batchSize, start, new Random(seed + c)));
        int totalBatches = clients * batchesPerClient;
        int crashAfter = (int) (totalBatches * (0.2 + 0.4 * random.nextDouble()));
        System.out.printf("seed %d: %d clients x %d batches x %d items; crash after ~%d acknowledged batches%n",
                seed, clients, batchesPerClient, batchSize, crashAfter);

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (List<Batch> batches : work) futures.add(pool.submit(() -> push(batches)));

        while (batchesAcked.get() < crashAfter) Thread.sleep(5);
        Thread.sleep(random.nextInt(400)); // land somewhere inside the next batches
        long pgPid = postmasterPid(dataDir);
        System.out.printf("kill -9 at %d acknowledged batches: JVM group %d, postmaster %d%n", batchesAcked.get(), service.pgid(), pgPid);
        crashed = true;
        kill9Group(service.pgid());
        service.process().waitFor();
        Thread.sleep(300);
        boolean pgSurvived = alive(pgPid);
        List<String> leftovers = processesUsing(dataDir, pgPid);
        if (pgSurvived || !leftovers.isEmpty()) {
            System.out.printf("PostgreSQL survived the kill of the JVM's process group (pg_ctl starts it in a session of its own): %s%n", leftovers);
            kill9Group(pgPid); // the postmaster leads its own group, its backends are in it
            kill9(pgPid);
            Thread.sleep(500);
            leftovers = processesUsing(dataDir, pgPid);
        }
        if (!leftovers.isEmpty()) throw new IllegalStateException("PostgreSQL processes still alive: " + leftovers);
        System.out.printf("all processes of the service and its PostgreSQL are gone (postmaster.pid left behind: %s)%n",
                Files.exists(dataDir.resolve("postmaster.pid")));

        long down = System.nanoTime();
        Service restarted = start(jar, dataDir, 2);
        String restartLog = Files.readString(Path.of(restarted.log()));
        System.out.printf("restarted in %.1f s on the same data directory%s%n", (System.nanoTime() - down) / 1e9,
                restartLog.contains("Removing the stale postmaster.pid") ? " (it removed the stale postmaster.pid)"
                        : restartLog.contains("Stopping the orphaned") ? " (it stopped an orphaned PostgreSQL)" : "");

        for (Future<?> f : futures) f.get();
        pool.shutdown();

        // ---- verify
        int missing = 0, duplicates = 0, older = 0, differentAtSameTime = 0;
        Map<String, Object[]> db = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + restarted.pgPort() + "/postgres", "postgres",
                // the embedded PostgreSQL's generated password, kept in its data folder
                Files.readString(dataDir.resolve("superuser.password")).strip());
             PreparedStatement s = c.prepareStatement("""
                     select external_id, count(*) over (partition by external_id), source_occurred_at, name, outcome
                     from deal where workspace_id = ?::uuid and external_source = ?""")) {
            s.setString(1, workspace);
            s.setString(2, SOURCE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) > 1) duplicates++;
                    db.put(rs.getString(1), new Object[]{rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5)});
                }
            }
        }
        for (Item acked : newestAcked.values()) {
            Object[] row = db.get(acked.externalId());
            if (row == null) {
                missing++;
                continue;
            }
            Instant held = (Instant) row[0];
            if (held.isBefore(acked.occurredAt())) older++;
            else if (held.equals(acked.occurredAt()) && !(row[1].equals(acked.name()) && row[2].equals(acked.outcome()))) differentAtSameTime++;
        }
        long distinctSent = work.stream().flatMap(List::stream).flatMap(b -> b.items().stream()).map(Item::externalId).distinct().count();
        boolean ok = missing == 0 && duplicates == 0 && older == 0 && differentAtSameTime == 0 && stuck.get() == 0
                && unexpected.get() == 0 && newestAcked.size() == distinctSent;
        System.out.printf("""
                        RESULT seed=%d items=%d ackedBeforeCrash=%d ackedAfterCrash=%d batchesRetried=%d failedAttempts=%d replayed=%d \
                        inFlight409=%d stuck=%d unexpected=%d externalIds=%d inDatabase=%d missing=%d duplicates=%d olderState=%d \
                        sameTimeOtherState=%d postgresSurvivedGroupKill=%s %s%n""",
                seed, itemsSent.get(), ackedBeforeCrash.get(), ackedAfterCrash.get(), batchesRetried.get(), attemptsFailed.get(),
                replayed.get(), inFlight409.get(), stuck.get(), unexpected.get(), distinctSent, db.size(), missing, duplicates,
                older, differentAtSameTime, pgSurvived, ok ? "PASS" : "FAIL");
        stop(restarted, dataDir);
        System.exit(ok ? 0 : 1);
    }

    // ------------------------------------------------------------------ the clients

    static void push(List<Batch> batches) {
        try {
            for (Batch batch : batches) {
                itemsSent.addAndGet(batch.items().size());
                int attempts = 0;
                int serverErrors = 0;
                Instant first409 = null;
                while (true) {
                    attempts++;
                    boolean crashedBefore = crashed;
                    HttpResponse<String> response;
                    try {
                        response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/workspaces/" + workspace + "/deal-outcomes/batch"))
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + key).header("Idempotency-Key", batch.key())
                                .POST(HttpRequest.BodyPublishers.ofString(batch.body())).build(), HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        attemptsFailed.incrementAndGet();
                        Thread.sleep(300);
                        continue;
                    }
                    int status = response.statusCode();
                    if (status / 100 == 2) {
                        if (response.headers().firstValue("Idempotent-Replayed").orElse("").equals("true")) replayed.incrementAndGet();
                        if (attempts > 1) batchesRetried.incrementAndGet();
                        acknowledge(batch, response.body(), crashedBefore);
                        batchesAcked.incrementAndGet();
                        break;
                    }
                    attemptsFailed.incrementAndGet();
                    if (status == 409 && response.body().contains("idempotency.in-flight")) {
                        inFlight409.incrementAndGet();
                        if (first409 == null) first409 = Instant.now();
                        if (Duration.between(first409, Instant.now()).compareTo(STUCK) > 0) {
                            stuck.incrementAndGet();
                            System.out.println("STUCK on 409 for > 30 s: key " + batch.key());
                            return;
                        }
                        Thread.sleep(500);
                    } else if ((status == 503 || status == 502 || status == 500) && ++serverErrors <= 20) {
                        Thread.sleep(500); // a transient failure; one that repeats is a bug, below
                    } else {
                        unexpected.incrementAndGet();
                        System.out.println("unexpected " + status + ": " + response.body());
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            unexpected.incrementAndGet();
            e.printStackTrace();
        }
    }

    static final Pattern RESULT = Pattern.compile("\"index\":(\\d+),[^}]*?\"result\":\"([a-z]+)\"");

    static void acknowledge(Batch batch, String body, boolean afterCrash) {
        Matcher m = RESULT.matcher(body);
        while (m.find()) {
            if (m.group(2).equals("rejected")) {
                unexpected.incrementAndGet();
                System.out.println("rejected item: " + body.substring(0, Math.min(2000, body.length())));
                continue;
            }
            Item item = batch.items().get(Integer.parseInt(m.group(1)));
            newestAcked.merge(item.externalId(), item, (a, b) -> b.occurredAt().isAfter(a.occurredAt()) ? b : a);
            (afterCrash ? ackedAfterCrash : ackedBeforeCrash).incrementAndGet();
        }
    }

    static List<Batch> generate(int client, int clients, int batches, int size, Instant start, Random r) {
        List<Batch> out = new ArrayList<>();
        List<Item> latest = new ArrayList<>();
        int seq = 0;
        for (int b = 0; b < batches; b++) {
            int updates = b == 0 ? 0 : size / 4;
            int before = latest.size();
            Set<Integer> touched = new HashSet<>();
            List<Item> items = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                Instant at = start.plusSeconds((long) (seq++) * clients + client);
                String ext;
                int idx;
                if (k < updates) {
                    do idx = r.nextInt(before); while (!touched.add(idx));
                    ext = latest.get(idx).externalId();
                } else {
                    idx = latest.size();
                    ext = "c" + client + "-" + idx;
                    latest.add(null);
                }
                Item item = item(r, ext, at, "Deal " + ext + " @" + seq);
                latest.set(idx, item);
                items.add(item);
            }
            Collections.shuffle(items, r);
            StringBuilder body = new StringBuilder("{\"items\":[");
            for (int i = 0; i < items.size(); i++) body.append(i == 0 ? "" : ",").append(items.get(i).json());
            out.add(new Batch(UUID.randomUUID().toString(), items, body.append("]}").toString()));
        }
        return out;
    }

    static Item item(Random r, String ext, Instant at, String name) {
        int p = r.nextInt(100);
        String outcome = p < 50 ? "OPEN" : p < 70 ? "WON" : p < 95 ? "LOST" : "NO_DECISION";
        StringBuilder b = new StringBuilder("{\"source\":\"" + SOURCE + "\",\"externalId\":\"" + ext + "\",\"occurredAt\":\"" + at
                + "\",\"name\":\"" + name + "\",\"account\":\"Account " + r.nextInt(500) + "\",\"amount\":{\"value\":" + (1000 + r.nextInt(90_000))
                + ",\"currency\":\"EUR\"},\"stage\":\"" + STAGES[r.nextInt(STAGES.length)] + "\",\"outcome\":\"" + outcome + "\"");
        if (!outcome.equals("OPEN")) b.append(",\"closedOn\":\"").append(LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(1 + r.nextInt(20))).append('"');
        if (outcome.equals("LOST")) {
            b.append(r.nextBoolean()
                    ? ",\"lossAnalysis\":{\"reasonCodes\":[\"" + REASONS[r.nextInt(REASONS.length)] + "\"],\"stageLostAt\":\"Proposal\",\"fit\":\"GOOD_FIT\"}"
                    : ",\"lossAnalysis\":{\"reasonText\":\"lost, no details\"}");
        }
        return new Item(ext, at, name, outcome, b.append('}').toString());
    }

    // ------------------------------------------------------------------ the service process

    static Service start(String jar, Path dataDir, int n) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String log = dataDir.getParent().resolve("service-" + n + ".log").toString();
        ProcessBuilder pb = new ProcessBuilder("setsid", "java", "-jar", jar);
        pb.environment().put("DEBRIEF_DATA_DIR", dataDir.toString());
        pb.environment().put("PORT", String.valueOf(port));
        pb.environment().put("DEBRIEF_RATE_LIMIT_PER_MINUTE", "100000000");
        pb.redirectErrorStream(true).redirectOutput(new java.io.File(log));
        Process process = pb.start();
        Pattern db = Pattern.compile("embedded PostgreSQL on 127.0.0.1:(\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(Path.of(log)) ? Files.readString(Path.of(log)) : "";
            Matcher m = db.matcher(text);
            if (m.find() && text.contains("Listening on")) {
                String url = "http://localhost:" + port;
                base = url;
                return new Service(process, process.pid(), url, Integer.parseInt(m.group(1)), log);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("start " + n + " failed; the log's end:\n" + tail(text));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("start " + n + " did not finish in 180 s");
    }

    static void stop(Service service, Path dataDir) throws Exception {
        long pgPid = postmasterPid(dataDir);
        new ProcessBuilder("kill", "-TERM", "--", "-" + service.pgid()).start().waitFor();
        service.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        kill9Group(service.pgid());
        Thread.sleep(500);
        if (alive(pgPid)) {
            kill9Group(pgPid);
            kill9(pgPid);
        }
    }

    static long postmasterPid(Path dataDir) throws IOException {
        Path pid = dataDir.resolve("postmaster.pid");
        return Files.exists(pid) ? Long.parseLong(Files.readAllLines(pid).get(0).trim()) : -1;
    }

    static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** PostgreSQL processes of this data directory: the postmaster (by its command line) and its children. */
    static List<String> processesUsing(Path dataDir, long postmaster) {
        List<String> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            String cmd = p.info().commandLine().orElse("");
            if (p.pid() != ProcessHandle.current().pid() && cmd.contains("postgres") && cmd.contains(dataDir.toString())
                    || ProcessHandle.of(postmaster).isPresent() && p.parent().map(h -> h.pid() == postmaster).orElse(false)) {
                found.add(p.pid() + " " + cmd);
            }
        });
        return found;
    }

    static void kill9Group(long pgid) throws Exception {
        if (pgid > 0) new ProcessBuilder("kill", "-KILL", "--", "-" + pgid).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    static void kill9(long pid) throws Exception {
        if (pid > 0) new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
        return r.body();
    }
}
