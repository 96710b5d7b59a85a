import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shutdown drill: clients keep writing (single creates and partner batches) over keep-alive
 * HTTP/1.1 connections; SIGTERM goes to the JVM; the clients go on until the process has exited.
 * Then the service is started again on the same database and every write is looked up through the
 * API: each acknowledged one must be there, and none that got no answer may have been applied.
 *
 * <pre>javac -d classes bench/DrillSupport.java bench/ShutdownDrill.java
 * java -cp classes ShutdownDrill jar workDir embedded|external clients secondsBeforeSigterm [jdbcUrl user password]</pre>
 *
 * bench/shutdown-drill.sh does this (and starts the external PostgreSQL). Required: every answer 2xx;
 * the only failures are refused connections (ConnectException: nothing was sent); every acknowledged
 * write present; the process ends within D + T + 1 s. Exit status 0 only when all hold.
 */
public class ShutdownDrill {

    static final String SOURCE = "drill";
    static final int BATCH_ITEMS = 20;

    /** One write request and what its client saw. */
    static final class Attempt {
        final int client;
        final boolean batch;
        final String name;              // the deal's name (create) or the Idempotency-Key (batch)
        final List<String> itemNames;   // batch: the items' names, externalId = name
        final long started;
        long ended;
        DrillSupport.Outcome outcome;
        List<String> dealIds = List.of();

        Attempt(int client, boolean batch, String name, List<String> itemNames) {
            this.client = client;
            this.batch = batch;
            this.name = name;
            this.itemNames = itemNames;
            this.started = System.nanoTime();
        }
    }

    static volatile boolean exited;
    static volatile long sigterm;      // System.nanoTime() of the SIGTERM, 0 before
    static final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) {
        DrillSupport.exitWith(() -> drill(args));
    }

    static boolean drill(String[] args) throws Exception {
        String jar = args[0];
        Path work = Path.of(args[1]).toAbsolutePath();
        String mode = args[2];
        int clients = Integer.parseInt(args[3]);
        double before = Double.parseDouble(args[4]);
        DrillSupport.Database db = mode.equals("embedded") ? DrillSupport.Database.embedded(work.resolve("pg"))
                : DrillSupport.Database.external(args[5], args[6], args[7]);
        double delay = Double.parseDouble(System.getenv().getOrDefault("DRILL_SHUTDOWN_DELAY", "3"));
        double drainCap = Double.parseDouble(System.getenv().getOrDefault("DRILL_SHUTDOWN_TIMEOUT", "5"));
        Map<String, String> settings = Map.of("DEBRIEF_SHUTDOWN_DELAY", fmt(delay) + "s", "DEBRIEF_SHUTDOWN_TIMEOUT", fmt(drainCap) + "s");

        DrillSupport.IdentityProvider idp = new DrillSupport.IdentityProvider(work);
        String token = idp.token("olga");
        DrillSupport.Service service = DrillSupport.start(jar, work, db, idp, 1, settings);
        HttpClient setup = DrillSupport.client();
        String workspace = DrillSupport.createWorkspace(setup, service.base(), token);
        String api = service.base() + "/api/v1/workspaces/" + workspace;
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        System.out.printf("workspace %s; %d clients write for %.1f s, then SIGTERM to pid %d (D = %s s, T = %s s)%n",
                workspace, clients, before, service.process().pid(), fmt(delay), fmt(drainCap));

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> write(client, run, api, token)));
        }
        Thread.sleep((long) (before * 1000));
        long logAtSigterm = DrillSupport.size(service.log());
        sigterm = System.nanoTime();
        service.process().destroy(); // SIGTERM to the JVM only
        int exitCode = service.process().waitFor();
        long exitNanos = System.nanoTime();
        exited = true;
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        double shutdownSeconds = (exitNanos - sigterm) / 1e9;
        boolean pidFileLeft = db.isEmbedded() && Files.exists(db.embeddedDataDir().resolve("postmaster.pid"));
        List<String> shutdownLog = DrillSupport.logLines(service.log(), logAtSigterm, Long.MAX_VALUE, "INFO", "WARN", "ERROR");
        int stackLines = DrillSupport.stackTraceLines(service.log(), logAtSigterm, Long.MAX_VALUE);
        System.out.printf("SIGTERM -> exit %.2f s, exit code %d%s%n", shutdownSeconds, exitCode,
                db.isEmbedded() ? ", postmaster.pid left: " + pidFileLeft : "");
        System.out.println("service log after SIGTERM (INFO/WARN/ERROR; " + stackLines + " stack-trace lines):");
        for (String line : shutdownLog) {
            if (!line.contains("io.qua.htt.access-log") && !line.contains("[io.qu.ht.ac")) System.out.println("  " + line);
        }

        // ---- outcomes, by window relative to the SIGTERM
        Map<String, Map<String, Integer>> byWindow = new TreeMap<>();
        List<Attempt> all;
        synchronized (attempts) {
            all = new ArrayList<>(attempts);
        }
        Map<DrillSupport.Kind, Integer> total = new EnumMap<>(DrillSupport.Kind.class);
        Map<Integer, Integer> statuses = new TreeMap<>();
        int servedAfterSigterm = 0, servedAfterDelay = 0;
        double lastServed = 0, firstRefused = Double.NaN;
        for (Attempt a : all) {
            total.merge(a.outcome.kind(), 1, Integer::sum);
            if (a.outcome.kind() == DrillSupport.Kind.STATUS) statuses.merge(a.outcome.status(), 1, Integer::sum);
            double at = (a.started - sigterm) / 1e9;
            String window = at < 0 ? "1 before SIGTERM" : at < delay ? "2 during D" : "3 after D";
            byWindow.computeIfAbsent(window, w -> new TreeMap<>()).merge(a.outcome.label(), 1, Integer::sum);
            if (a.outcome.kind() == DrillSupport.Kind.OK && at >= 0) {
                servedAfterSigterm++;
                if (at >= delay) servedAfterDelay++;
                lastServed = Math.max(lastServed, (a.ended - sigterm) / 1e9);
            }
            if (a.outcome.kind() == DrillSupport.Kind.REFUSED && at >= 0 && (Double.isNaN(firstRefused) || at < firstRefused)) firstRefused = at;
        }
        System.out.println("requests by start time (relative to SIGTERM): " + byWindow);
        System.out.printf("2xx answers to requests sent after SIGTERM: %d (%d after D; the last answer %.2f s after SIGTERM); first refused connection %.2f s after SIGTERM%n",
                servedAfterSigterm, servedAfterDelay, lastServed, firstRefused);
        for (Attempt a : all) {
            if (a.outcome.kind() == DrillSupport.Kind.STATUS || a.outcome.kind() == DrillSupport.Kind.IO || a.outcome.kind() == DrillSupport.Kind.TIMEOUT) {
                System.out.printf("  %s %s started %+.3f s, ended %+.3f s after SIGTERM: %s %s%n", a.batch ? "batch" : "create", a.name,
                        (a.started - sigterm) / 1e9, (a.ended - sigterm) / 1e9, a.outcome.label(),
                        a.outcome.detail() == null ? "" : a.outcome.detail());
            }
        }

        // ---- restart on the same database, look every write up through the API
        DrillSupport.Service again = DrillSupport.start(jar, work, db, idp, 2, settings);
        String api2 = again.base() + "/api/v1/workspaces/" + workspace;
        AtomicInteger missing = new AtomicInteger(), wrong = new AtomicInteger(), unansweredApplied = new AtomicInteger(),
                refusedApplied = new AtomicInteger(), ackedWrites = new AtomicInteger(), unansweredWrites = new AtomicInteger();
        List<String> ioApplied = Collections.synchronizedList(new ArrayList<>());
        ExecutorService checkers = Executors.newFixedThreadPool(4);
        List<Future<?>> checks = new ArrayList<>();
        ThreadLocal<HttpClient> http = ThreadLocal.withInitial(DrillSupport::client);
        for (Attempt a : all) {
            checks.add(checkers.submit(() -> {
                List<String> names = a.batch ? a.itemNames : List.of(a.name);
                for (int i = 0; i < names.size(); i++) {
                    if (a.outcome.kind() == DrillSupport.Kind.OK) {
                        ackedWrites.incrementAndGet();
                        String id = a.dealIds.get(i);
                        HttpResponse<String> r = id == null ? null : DrillSupport.get(http.get(), api2 + "/deals/" + id, token);
                        if (r == null || r.statusCode() != 200) {
                            missing.incrementAndGet();
                            System.out.printf("MISSING acknowledged %s %s (deal %s): %s%n", a.batch ? "batch item" : "deal", names.get(i), id,
                                    r == null ? "no id in the answer" : r.statusCode() + " " + r.body());
                        } else if (!names.get(i).equals(DrillSupport.field(r.body(), "name"))
                                || a.batch && !names.get(i).equals(DrillSupport.field(r.body(), "externalId"))) {
                            wrong.incrementAndGet();
                            System.out.printf("WRONG deal %s for %s: %s%n", id, names.get(i), r.body());
                        }
                    } else {
                        unansweredWrites.incrementAndGet();
                        if (found(http.get(), api2, token, names.get(i))) {
                            unansweredApplied.incrementAndGet();
                            if (a.outcome.kind() == DrillSupport.Kind.REFUSED) refusedApplied.incrementAndGet();
                            if (a.outcome.kind() == DrillSupport.Kind.IO && i == 0) ioApplied.add(a.name);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : checks) f.get();
        checkers.shutdown();
        int inWorkspace = countDeals(http.get(), api2, token);
        int expected = ackedWrites.get() + unansweredApplied.get();
        DrillSupport.stop(again);
        if (!ioApplied.isEmpty()) System.out.println("writes that got no answer (io) but were applied: " + ioApplied);

        int non2xx = total.getOrDefault(DrillSupport.Kind.STATUS, 0);
        int io = total.getOrDefault(DrillSupport.Kind.IO, 0);
        int timeouts = total.getOrDefault(DrillSupport.Kind.TIMEOUT, 0);
        double cap = delay + drainCap + 1;
        boolean ok = non2xx == 0 && io == 0 && timeouts == 0 && missing.get() == 0 && wrong.get() == 0 && refusedApplied.get() == 0
                && shutdownSeconds <= cap && (exitCode == 143 || exitCode == 0) && inWorkspace == expected && !pidFileLeft;
        System.out.printf("""
                        RESULT mode=%s clients=%d requests=%d ok2xx=%d non2xx=%d%s refused=%d io=%d timeouts=%d \
                        servedAfterSigterm=%d shutdown=%.2fs (cap %.0fs) exit=%d ackedWrites=%d missing=%d wrong=%d \
                        unansweredWrites=%d unansweredApplied=%d refusedApplied=%d dealsInWorkspace=%d/%d %s%n""",
                mode, clients, all.size(), total.getOrDefault(DrillSupport.Kind.OK, 0), non2xx, statuses.isEmpty() ? "" : statuses.toString(),
                total.getOrDefault(DrillSupport.Kind.REFUSED, 0), io, timeouts, servedAfterSigterm, shutdownSeconds, cap, exitCode,
                ackedWrites.get(), missing.get(), wrong.get(), unansweredWrites.get(), unansweredApplied.get(), refusedApplied.get(),
                inWorkspace, expected, ok ? "PASS" : "FAIL");
        return ok;
    }

    /** One client: creates and batches (one batch after every three creates) until the process has exited. */
    static void write(int client, String run, String api, String token) {
        HttpClient http = DrillSupport.client(); // one keep-alive connection per client
        int n = 0;
        while (!exited) {
            n++;
            Attempt a;
            String body;
            String key = null;
            if (n % 4 == 0) {
                key = UUID.randomUUID().toString();
                List<String> names = new ArrayList<>();
                StringBuilder b = new StringBuilder("{\"items\":[");
                String at = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS).toString();
                for (int i = 0; i < BATCH_ITEMS; i++) {
                    String name = String.format("sdb-%s-c%02d-%06d-%02d", run, client, n, i);
                    names.add(name);
                    b.append(i == 0 ? "" : ",").append("{\"source\":\"").append(SOURCE).append("\",\"externalId\":\"").append(name)
                            .append("\",\"occurredAt\":\"").append(at).append("\",\"name\":\"").append(name)
                            .append("\",\"account\":\"Drill\",\"outcome\":\"OPEN\"}");
                }
                body = b.append("]}").toString();
                a = new Attempt(client, true, key, names);
            } else {
                String name = String.format("sd-%s-c%02d-%06d", run, client, n);
                body = "{\"name\":\"" + name + "\",\"account\":\"Drill\"}";
                a = new Attempt(client, false, name, List.of());
            }
            try {
                HttpResponse<String> r = DrillSupport.postJson(http, api + (a.batch ? "/deal-outcomes/batch" : "/deals"), token, body, key);
                a.ended = System.nanoTime();
                a.outcome = DrillSupport.Outcome.of(r);
                if (a.outcome.kind() == DrillSupport.Kind.OK) {
                    a.dealIds = a.batch ? DrillSupport.batchDealIds(r.body(), BATCH_ITEMS) : java.util.Arrays.asList(DrillSupport.field(r.body(), "id"));
                    if (a.dealIds.contains(null)) System.out.println("an answer without a deal id: " + r.body());
                } else {
                    System.out.printf("client %d: %d %s%n", client, r.statusCode(), r.body());
                }
            } catch (IOException e) {
                a.ended = System.nanoTime();
                a.outcome = DrillSupport.Outcome.of(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            attempts.add(a);
            if (a.outcome.kind() != DrillSupport.Kind.OK) {
                try {
                    Thread.sleep(50); // a refused client tries again, without spinning
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Whether a deal with exactly this name exists (the list's q filter, then an exact comparison). */
    static boolean found(HttpClient http, String api, String token, String name) throws Exception {
        HttpResponse<String> r = DrillSupport.get(http, api + "/deals?limit=100&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8), token);
        if (r.statusCode() != 200) throw new IllegalStateException("deal list: " + r.statusCode() + " " + r.body());
        return r.body().contains("\"name\":\"" + name + "\"");
    }

    /** All deals of the workspace, page by page. */
    static int countDeals(HttpClient http, String api, String token) throws Exception {
        int count = 0;
        String cursor = null;
        do {
            HttpResponse<String> r = DrillSupport.get(http, api + "/deals?limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), token);
            if (r.statusCode() != 200) throw new IllegalStateException("deal list: " + r.statusCode() + " " + r.body());
            count += r.body().split("\"workspaceId\":", -1).length - 1;
            cursor = DrillSupport.field(r.body(), "nextCursor");
        } while (cursor != null);
        return count;
    }

    static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }
}
