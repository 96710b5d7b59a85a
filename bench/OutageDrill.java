import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Database outage drill: light load (clients reading and writing) while (a) PostgreSQL is stopped
 * for 20 s and started again, then (b) PostgreSQL hangs (SIGSTOP to the postmaster and all its
 * processes) for 20 s and goes on (SIGCONT). The service is never restarted.
 *
 * <pre>javac -d classes bench/DrillSupport.java bench/OutageDrill.java
 * java -cp classes OutageDrill jar workDir embedded|external [jdbcUrl user password]</pre>
 *
 * external also needs DRILL_PG_DATA (its data directory) and DRILL_PG_CTL (the pg_ctl command line);
 * bench/outage-drill.sh sets them. Embedded: the postmaster is found by postmaster.pid in the data
 * directory, stopped with SIGINT (PostgreSQL's fast shutdown, what pg_ctl stop -m fast sends: a
 * SIGTERM is the smart shutdown, which waits for the pool's connections to go, i.e. for ever) and
 * started again with the command line it recorded in postmaster.opts.
 *
 * Required: no 5xx but 503 problem+json with code database.unavailable and Retry-After; no request
 * slower than DRILL_MAX_LATENCY (seconds, default 16: the service's socket timeout DEBRIEF_DB_SOCKET_TIMEOUT, 15 s, plus 1 s); a 2xx again within 30 s of each return, no
 * restart; every acknowledged write present. Writes that got a non-2xx answer but were applied are
 * counted (a commit that timed out may have reached the server: the README says so). Exit status 0
 * only when all hold.
 */
public class OutageDrill {

    static final int WRITERS = 2, READERS = 2;
    static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    record Sample(String client, long started, long ended, DrillSupport.Outcome outcome, String contentType, String code, String retryAfter) {

        double latency() {
            return (ended - started) / 1e9;
        }

        boolean goodUnavailable() {
            return outcome.status() == 503 && contentType != null && contentType.startsWith("application/problem+json")
                    && "database.unavailable".equals(code) && retryAfter != null;
        }
    }

    record Phase(String name, long from, long logFrom) {
    }

    static volatile boolean stop;
    static final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    static final List<String> acked = Collections.synchronizedList(new ArrayList<>()); // "id name"
    static final List<String> refused = Collections.synchronizedList(new ArrayList<>()); // "status name": writes not acknowledged
    static final List<String> readiness = Collections.synchronizedList(new ArrayList<>());
    static volatile long t0;

    public static void main(String[] args) {
        DrillSupport.exitWith(() -> drill(args));
    }

    static boolean drill(String[] args) throws Exception {
        String jar = args[0];
        Path work = Path.of(args[1]).toAbsolutePath();
        String mode = args[2];
        boolean embedded = mode.equals("embedded");
        DrillSupport.Database db = embedded ? DrillSupport.Database.embedded(work.resolve("pg"))
                : DrillSupport.Database.external(args[3], args[4], args[5]);
        Path pgData = embedded ? db.embeddedDataDir() : Path.of(System.getenv("DRILL_PG_DATA"));
        String pgCtl = System.getenv("DRILL_PG_CTL");
        int outage = Integer.parseInt(System.getenv().getOrDefault("DRILL_OUTAGE_SECONDS", "20"));
        double maxLatency = Double.parseDouble(System.getenv().getOrDefault("DRILL_MAX_LATENCY", "16"));
        String pgBin = System.getenv().getOrDefault("PG_BIN", "/usr/lib/postgresql/15/bin");

        DrillSupport.IdentityProvider idp = new DrillSupport.IdentityProvider(work);
        String token = idp.token("otto");
        DrillSupport.Service service = DrillSupport.start(jar, work, db, idp, 1, Map.of());
        HttpClient setup = DrillSupport.client();
        String workspace = DrillSupport.createWorkspace(setup, service.base(), token);
        String api = service.base() + "/api/v1/workspaces/" + workspace;
        HttpResponse<String> seed = DrillSupport.postJson(setup, api + "/deals", token, "{\"name\":\"od-seed\"}", null);
        String seedId = DrillSupport.field(seed.body(), "id");
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        int pgPort = pgPort(pgData);
        System.out.printf("workspace %s; %d writers, %d readers; PostgreSQL (%s) on port %d, data %s%n", workspace, WRITERS, READERS, mode, pgPort, pgData);

        List<Phase> phases = new ArrayList<>();
        t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS + 1);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < WRITERS; c++) {
            int client = c;
            futures.add(pool.submit(() -> loop("w" + client, http -> write(http, api, token, run, client))));
        }
        for (int c = 0; c < READERS; c++) {
            int client = c;
            futures.add(pool.submit(() -> loop("r" + client, http -> read(http, api, token, seedId, client))));
        }
        futures.add(pool.submit(() -> watchReadiness(service.base())));

        phases.add(new Phase("baseline", System.nanoTime(), DrillSupport.size(service.log())));
        Thread.sleep(10_000);

        // (a) stopped
        phases.add(new Phase("a: stopped", System.nanoTime(), DrillSupport.size(service.log())));
        long aStop = System.nanoTime();
        List<String> opts = embedded ? postmasterOpts(pgData) : null;
        if (embedded) {
            long pid = postmasterPid(pgData);
            DrillSupport.run(null, "kill", "-INT", String.valueOf(pid));
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) Thread.sleep(50);
        } else {
            DrillSupport.run(work.resolve("pg-ctl.log").toFile(), cmd(pgCtl, "-D", pgData.toString(), "-m", "fast", "-w", "stop"));
        }
        System.out.printf("PostgreSQL stopped in %.2f s%n", (System.nanoTime() - aStop) / 1e9);
        Thread.sleep(Math.max(0, outage * 1000L - (System.nanoTime() - aStop) / 1_000_000));
        long aStart = System.nanoTime();
        if (embedded) {
            // As root, zonky runs PostgreSQL in a user namespace of its own (unshare -U): the server refuses root.
            List<String> command = new ArrayList<>(List.of("setsid"));
            if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) command.addAll(List.of("unshare", "-U"));
            command.addAll(opts);
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("pg-restart.log").toFile())).start();
        } else {
            DrillSupport.run(work.resolve("pg-ctl.log").toFile(), cmd(pgCtl, "-D", pgData.toString(), "-l", work.resolve("ext-pg.log").toString(), "-w", "start"));
        }
        while (new ProcessBuilder(pgBin + "/pg_isready", "-q", "-h", "127.0.0.1", "-p", String.valueOf(pgPort)).start().waitFor() != 0) {
            if (System.nanoTime() - aStart > 60_000_000_000L) throw new IllegalStateException("PostgreSQL did not start again in 60 s; see pg-restart.log");
            Thread.sleep(50);
        }
        long aBack = System.nanoTime();
        System.out.printf("PostgreSQL down for %.2f s, accepting again %.2f s after the start command%n", (aBack - aStop) / 1e9, (aBack - aStart) / 1e9);
        phases.add(new Phase("a: back", aBack, DrillSupport.size(service.log())));
        Thread.sleep(15_000);

        // (b) hung
        long postmaster = postmasterPid(pgData);
        List<Long> hung = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> hung.add(d.pid())));
        phases.add(new Phase("b: hung", System.nanoTime(), DrillSupport.size(service.log())));
        long bStop = System.nanoTime();
        try {
            DrillSupport.run(null, "kill", "-STOP", String.valueOf(postmaster));
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> { if (!hung.contains(d.pid())) hung.add(d.pid()); }));
            for (long pid : hung) DrillSupport.run(null, "kill", "-STOP", String.valueOf(pid));
            System.out.printf("SIGSTOP to the postmaster %d and %d processes of it%n", postmaster, hung.size() - 1);
            Thread.sleep(Math.max(0, outage * 1000L - (System.nanoTime() - bStop) / 1_000_000));
        } finally {
            for (long pid : hung) new ProcessBuilder("kill", "-CONT", String.valueOf(pid)).start().waitFor();
        }
        long bBack = System.nanoTime();
        phases.add(new Phase("b: back", bBack, DrillSupport.size(service.log())));
        Thread.sleep(15_000);
        phases.add(new Phase("end", System.nanoTime(), DrillSupport.size(service.log())));
        stop = true;
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        boolean restarted = !service.process().isAlive();

        // ---- report per phase
        List<Sample> all;
        synchronized (samples) {
            all = new ArrayList<>(samples);
        }
        int bad5xx = 0, io = 0;
        double worst = 0;
        System.out.println();
        for (int p = 0; p < phases.size() - 1; p++) {
            Phase phase = phases.get(p);
            long to = phases.get(p + 1).from();
            Map<String, Integer> counts = new TreeMap<>();
            double max = 0;
            for (Sample s : all) {
                if (s.started() >= phase.from() && s.started() < to) {
                    String label = s.outcome().label() + (s.outcome().status() >= 500 ? " " + s.code() + (s.retryAfter() != null ? " Retry-After=" + s.retryAfter() : "")
                            + (s.contentType() != null && s.contentType().startsWith("application/problem+json") ? "" : " " + s.contentType()) : "");
                    counts.merge(label, 1, Integer::sum);
                    max = Math.max(max, s.latency());
                }
            }
            System.out.printf("phase %-10s %5.1f s: %s; max latency %.2f s%n", phase.name(), (to - phase.from()) / 1e9, counts, max);
            List<String> lines = DrillSupport.logLines(service.log(), phase.logFrom(), phases.get(p + 1).logFrom(), "INFO", "WARN", "ERROR");
            Map<String, Integer> distinct = new LinkedHashMap<>();
            for (String line : lines) {
                if (line.contains("access-log") || line.contains(".ac.") || line.contains("\"GET ") || line.contains("\"POST ")) continue;
                // one line per kind: request ids, threads, times, pids and ports differ from line to line
                String key = line.substring(24).replaceAll("\\[req:[^]]*]", "[req:…]").replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d[.,]\\d+( UTC)?", "<time>")
                        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>").replaceAll("\\d+", "N");
                distinct.merge(key.length() > 260 ? key.substring(0, 260) + "…" : key, 1, Integer::sum);
            }
            System.out.printf("  log: %d INFO/WARN/ERROR lines (access log aside), %d stack-trace lines%n",
                    distinct.values().stream().mapToInt(Integer::intValue).sum(), DrillSupport.stackTraceLines(service.log(), phase.logFrom(), phases.get(p + 1).logFrom()));
            int shown = 0;
            for (Map.Entry<String, Integer> e : distinct.entrySet()) {
                if (shown++ == 25) {
                    System.out.printf("    … %d more distinct lines%n", distinct.size() - 25);
                    break;
                }
                System.out.printf("    %3dx %s%n", e.getValue(), e.getKey());
            }
        }
        for (Sample s : all) {
            if (s.outcome().status() >= 500 && !s.goodUnavailable()) bad5xx++;
            if (s.outcome().kind() == DrillSupport.Kind.IO || s.outcome().kind() == DrillSupport.Kind.TIMEOUT || s.outcome().kind() == DrillSupport.Kind.REFUSED) {
                io++;
                System.out.printf("  %s at %+.2f s: %s %s%n", s.client(), (s.started() - t0) / 1e9, s.outcome().label(), s.outcome().detail());
            }
            worst = Math.max(worst, s.latency());
        }
        double aFirst = first2xx(all, aBack), bFirst = first2xx(all, bBack);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Sample s : all) statuses.merge(s.outcome().status(), 1, Integer::sum);
        System.out.println("readiness: " + readiness);

        // ---- every acknowledged write, through the API of the same (never restarted) service
        AtomicInteger missing = new AtomicInteger();
        HttpClient check = DrillSupport.client();
        List<String> writes;
        synchronized (acked) {
            writes = new ArrayList<>(acked);
        }
        for (String w : writes) {
            String[] idName = w.split(" ", 2);
            HttpResponse<String> r = DrillSupport.get(check, api + "/deals/" + idName[0], token);
            if (r.statusCode() != 200 || !idName[1].equals(DrillSupport.field(r.body(), "name"))) {
                missing.incrementAndGet();
                System.out.println("MISSING acknowledged write " + w + ": " + r.statusCode());
            }
        }
        // a write answered 503 (or anything but 2xx) must have changed nothing (README: "send it again")
        int appliedAnyway = 0;
        List<String> notAcked;
        synchronized (refused) {
            notAcked = new ArrayList<>(refused);
        }
        for (String w : notAcked) {
            String name = w.substring(w.indexOf(' ') + 1);
            HttpResponse<String> r = DrillSupport.get(check, api + "/deals?limit=100&q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8), token);
            if (r.statusCode() != 200) throw new IllegalStateException("deal list: " + r.statusCode() + " " + r.body());
            if (r.body().contains("\"name\":\"" + name + "\"")) {
                appliedAnyway++;
                System.out.println("APPLIED although answered " + w);
            }
        }
        DrillSupport.stop(service);

        // Not a failure since the README says so: a 503 after a commit that timed out may have been applied
        // (the commit reached the hung server); a retry with the same Idempotency-Key tells. Counted, not failed.
        boolean ok = bad5xx == 0 && io == 0 && worst <= maxLatency && !Double.isNaN(aFirst) && aFirst <= 30 && !Double.isNaN(bFirst) && bFirst <= 30
                && missing.get() == 0 && !restarted;
        System.out.printf("""
                        RESULT mode=%s requests=%d statuses=%s bad5xx=%d ioErrors=%d maxLatency=%.2fs (limit %.0fs) \
                        first2xxAfterRestart=%.2fs first2xxAfterHang=%.2fs ackedWrites=%d missing=%d unackedWrites=%d unackedApplied=%d restarted=%s %s%n""",
                mode, all.size(), statuses, bad5xx, io, worst, maxLatency, aFirst, bFirst, writes.size(), missing.get(), notAcked.size(), appliedAnyway,
                restarted, ok ? "PASS" : "FAIL");
        return ok;
    }

    interface Step {
        Sample send(HttpClient http) throws Exception;
    }

    static void loop(String client, Step step) {
        HttpClient http = DrillSupport.client();
        while (!stop) {
            try {
                samples.add(step.send(http));
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }

    static final AtomicInteger writes = new AtomicInteger();

    /** A create, or every fourth time a batch of 5 with an Idempotency-Key. */
    static Sample write(HttpClient http, String api, String token, String run, int client) throws Exception {
        int n = writes.incrementAndGet();
        boolean batch = n % 4 == 0;
        List<String> names = new ArrayList<>();
        String body;
        if (batch) {
            StringBuilder b = new StringBuilder("{\"items\":[");
            String at = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS).toString();
            for (int i = 0; i < 5; i++) {
                String name = String.format("odb-%s-w%d-%06d-%d", run, client, n, i);
                names.add(name);
                b.append(i == 0 ? "" : ",").append("{\"source\":\"drill\",\"externalId\":\"").append(name).append("\",\"occurredAt\":\"")
                        .append(at).append("\",\"name\":\"").append(name).append("\",\"outcome\":\"OPEN\"}");
            }
            body = b.append("]}").toString();
        } else {
            names.add(String.format("od-%s-w%d-%06d", run, client, n));
            body = "{\"name\":\"" + names.get(0) + "\"}";
        }
        HttpRequest request = DrillSupport.request(api + (batch ? "/deal-outcomes/batch" : "/deals"), token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Sample s = send(http, request, "w" + client);
        if (s.outcome().kind() == DrillSupport.Kind.OK) {
            List<String> ids = batch ? DrillSupport.batchDealIds(lastBody.get(), names.size()) : java.util.Arrays.asList(DrillSupport.field(lastBody.get(), "id"));
            for (int i = 0; i < names.size(); i++) acked.add(ids.get(i) + " " + names.get(i));
        } else {
            for (String name : names) refused.add(s.outcome().label() + " " + name);
        }
        return s;
    }

    static Sample read(HttpClient http, String api, String token, String seedId, int client) throws Exception {
        String url = client % 2 == 0 ? api + "/deals?limit=20" : api + "/deals/" + seedId;
        return send(http, DrillSupport.request(url, token).GET().build(), "r" + client);
    }

    static final ThreadLocal<String> lastBody = new ThreadLocal<>();

    static Sample send(HttpClient http, HttpRequest request, String client) throws InterruptedException {
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            lastBody.set(r.body());
            Matcher code = CODE.matcher(r.body());
            Sample s = new Sample(client, started, System.nanoTime(), DrillSupport.Outcome.of(r), r.headers().firstValue("Content-Type").orElse(null),
                    r.statusCode() >= 400 && code.find() ? code.group(1) : null, r.headers().firstValue("Retry-After").orElse(null));
            if (r.statusCode() >= 400 && r.statusCode() != 503 && !seen.contains(r.statusCode() + String.valueOf(s.code()))) {
                seen.add(r.statusCode() + String.valueOf(s.code()));
                System.out.printf("first %d at %+.2f s (%s): %s%n", r.statusCode(), (started - t0) / 1e9, client, r.body().length() > 400 ? r.body().substring(0, 400) : r.body());
            }
            return s;
        } catch (IOException e) {
            return new Sample(client, started, System.nanoTime(), DrillSupport.Outcome.of(e), null, null, null);
        }
    }

    static final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    /** Readiness, every 250 ms: its transitions, as seconds since the load began. */
    static void watchReadiness(String base) {
        HttpClient http = DrillSupport.client();
        int last = -1;
        while (!stop) {
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(java.net.URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                return;
            }
            if (status != last) readiness.add(String.format("%+.2fs:%d", (System.nanoTime() - t0) / 1e9, status));
            last = status;
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Seconds from {@code back} to the first 2xx answer to an API request sent after it; NaN if none. */
    static double first2xx(List<Sample> all, long back) {
        long first = Long.MAX_VALUE;
        for (Sample s : all) {
            if (s.started() >= back && s.outcome().kind() == DrillSupport.Kind.OK) first = Math.min(first, s.ended());
        }
        return first == Long.MAX_VALUE ? Double.NaN : (first - back) / 1e9;
    }

    static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    static int pgPort(Path dataDir) throws IOException {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim());
    }

    /** The command line the running postmaster recorded: the binary, then each argument in double quotes. */
    static List<String> postmasterOpts(Path dataDir) throws IOException {
        String line = Files.readString(dataDir.resolve("postmaster.opts")).trim();
        List<String> command = new ArrayList<>();
        int quote = line.indexOf(" \"");
        command.add(quote < 0 ? line : line.substring(0, quote));
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(quote < 0 ? "" : line.substring(quote));
        while (m.find()) command.add(m.group(1));
        return command;
    }

    static String[] cmd(String commandLine, String... args) {
        List<String> out = new ArrayList<>(List.of(commandLine.trim().split("\\s+")));
        out.addAll(List.of(args));
        return out.toArray(String[]::new);
    }
}
