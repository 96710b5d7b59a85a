import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the drills (ShutdownDrill, OutageDrill) share: an identity provider of their own (an RSA key
 * pair, RS256 tokens signed here), the packaged service started as ops start it (environment
 * variables only, its own working directory and session), a workspace made through the API, and
 * the way an HTTP outcome is classified. Compiled together with a drill by its shell script.
 */
final class DrillSupport {

    /** A drill's main: exit 0 on PASS, 1 on FAIL, 2 (with a RESULT FAIL line) when it broke. */
    static void exitWith(java.util.concurrent.Callable<Boolean> drill) {
        try {
            System.exit(drill.call() ? 0 : 1);
        } catch (Throwable e) {
            e.printStackTrace();
            System.out.println("RESULT FAIL: " + e);
            System.exit(2);
        }
    }


    static final String ISSUER = "https://idp.drill.debrief.test/";
    static final String KEY_ID = "drill-1";

    private DrillSupport() {
    }

    // ------------------------------------------------------------------ identity provider

    /** An RSA key pair whose public half the service trusts (a PEM file given to MP_JWT_VERIFY_PUBLICKEY_LOCATION). */
    static final class IdentityProvider {
        final KeyPair pair;
        final Path publicKeyFile;

        IdentityProvider(Path directory) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
            publicKeyFile = directory.resolve("idp-public.pem");
            Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        }

        /** An RS256 token for a person with a verified email, valid for two hours. */
        String token(String name) throws Exception {
            long now = System.currentTimeMillis() / 1000;
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
            String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"debrief\",\"sub\":\"sub-" + name + "\",\"email\":\"" + name
                    + "@drill.example\",\"email_verified\":true,\"name\":\"" + name + "\",\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}";
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(pair.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rs256.sign());
        }
    }

    // ------------------------------------------------------------------ the service process

    /** How the service finds its database. */
    record Database(String mode, Path embeddedDataDir, String jdbcUrl, String user, String password) {

        static Database embedded(Path dataDir) {
            return new Database("embedded", dataDir, null, null, null);
        }

        static Database external(String url, String user, String password) {
            return new Database("external", null, url, user, password);
        }

        boolean isEmbedded() {
            return mode.equals("embedded");
        }
    }

    /** One start of the packaged service, in a session of its own (setsid execs java: pid = the JVM). */
    record Service(Process process, int port, Path log) {

        String base() {
            return "http://127.0.0.1:" + port;
        }

        String output() throws IOException {
            return Files.exists(log) ? Files.readString(log) : "";
        }
    }

    static Service start(String jar, Path workDir, Database db, IdentityProvider idp, int n, Map<String, String> extra) throws Exception {
        int port = freePort();
        Path log = workDir.resolve("service-" + n + ".log");
        ProcessBuilder pb = new ProcessBuilder("setsid", "java", "-jar", Path.of(jar).toAbsolutePath().toString())
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        Map<String, String> kept = new HashMap<>();
        for (String name : List.of("PATH", "HOME", "LANG", "TMPDIR", "JAVA_HOME")) {
            if (env.containsKey(name)) kept.put(name, env.get(name));
        }
        env.clear();
        env.putAll(kept);
        env.put("PORT", String.valueOf(port));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", idp.publicKeyFile.toString());
        env.put("DEBRIEF_OIDC_ISSUER", ISSUER);
        env.put("DEBRIEF_RATE_LIMIT_PER_MINUTE", "100000000");
        if (db.isEmbedded()) {
            env.put("DEBRIEF_DATA_DIR", db.embeddedDataDir().toString());
        } else {
            env.put("DEBRIEF_EMBEDDED_DB", "false");
            env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", db.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        }
        env.putAll(extra);
        Process process = pb.start();
        STARTED.add(process);
        Service service = new Service(process, port, log);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long began = System.nanoTime();
        long deadline = began + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("start " + n + " failed; the log's end:\n" + tail(service.output(), 40));
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(service.base() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    System.out.printf("service %d ready on port %d after %.1f s (%s database)%n", n, port, (System.nanoTime() - began) / 1e9, db.mode());
                    return service;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("start " + n + " not ready in 240 s");
    }

    /** SIGTERM to the JVM (not its group) and wait; kill -9 the group after 60 s. */
    static int stop(Service service) throws Exception {
        if (!service.process().isAlive()) return service.process().exitValue();
        service.process().destroy();
        if (!service.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            new ProcessBuilder("kill", "-KILL", "--", "-" + service.process().pid()).start().waitFor();
            service.process().waitFor();
        }
        return service.process().exitValue();
    }

    /** Every service this drill started: a drill that fails half-way still stops them (SIGTERM, then kill -9 of the group). */
    static final List<Process> STARTED = java.util.Collections.synchronizedList(new ArrayList<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : new ArrayList<>(STARTED)) {
                try {
                    if (!p.isAlive()) continue;
                    p.destroy();
                    if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid()).start().waitFor();
                    }
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // ------------------------------------------------------------------ the API

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
    }

    static HttpResponse<String> postJson(HttpClient http, String url, String token, String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(url, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        return http.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST /api/v1/workspaces as this person (who becomes its ADMIN); returns the workspace id. */
    static String createWorkspace(HttpClient http, String base, String token) throws Exception {
        HttpResponse<String> r = postJson(http, base + "/api/v1/workspaces", token,
                "{\"name\":\"Drill " + System.nanoTime() + "\",\"timeZone\":\"Europe/Berlin\",\"defaultCurrency\":\"EUR\"}", null);
        if (r.statusCode() != 201) throw new IllegalStateException("workspace not created: " + r.statusCode() + " " + r.body());
        return field(r.body(), "id");
    }

    /** The first string value of this JSON field (a drill reads its own answers; no JSON library on the class path). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** The deal ids of a batch answer, by index; null where the item has none (rejected). */
    static List<String> batchDealIds(String json, int items) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items; i++) ids.add(null);
        Matcher m = Pattern.compile("\\{\"index\":(\\d+),[^{}]*?\"result\":\"([a-z]+)\"(?:,\"dealId\":\"([^\"]+)\")?").matcher(json);
        while (m.find()) {
            if (!m.group(2).equals("rejected")) ids.set(Integer.parseInt(m.group(1)), m.group(3));
        }
        return ids;
    }

    // ------------------------------------------------------------------ outcomes

    /** What a client saw for one request. */
    enum Kind { OK, STATUS, REFUSED, TIMEOUT, IO }

    record Outcome(Kind kind, int status, String detail) {

        static Outcome of(HttpResponse<?> r) {
            return new Outcome(r.statusCode() / 100 == 2 ? Kind.OK : Kind.STATUS, r.statusCode(), null);
        }

        /** Refused = a ConnectException anywhere in the cause chain (nothing was sent). */
        static Outcome of(IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConnectException) return new Outcome(Kind.REFUSED, 0, String.valueOf(t.getMessage()));
            }
            if (e instanceof HttpTimeoutException) return new Outcome(Kind.TIMEOUT, 0, e.toString());
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) chain.append(chain.length() == 0 ? "" : " <- ").append(t);
            return new Outcome(Kind.IO, 0, chain.toString());
        }

        String label() {
            return switch (kind) {
                case OK -> "2xx";
                case STATUS -> String.valueOf(status);
                case REFUSED -> "refused";
                case TIMEOUT -> "timeout";
                case IO -> "io";
            };
        }
    }

    // ------------------------------------------------------------------ logs

    static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR|FATAL) (.*)$");

    /** The service's log lines of these levels from byte offset {@code from}, with a count of stack-trace lines. */
    static List<String> logLines(Path log, long from, long to, String... levels) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) Math.min(from, all.length), (int) (Math.min(to, all.length) - Math.min(from, all.length)), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LOG_LINE.matcher(line);
            if (m.find()) {
                for (String level : levels) if (m.group(1).trim().equals(level)) out.add(line);
            }
        }
        return out;
    }

    static int stackTraceLines(Path log, long from, long to) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) Math.min(from, all.length), (int) (Math.min(to, all.length) - Math.min(from, all.length)), StandardCharsets.UTF_8);
        int n = 0;
        for (String line : text.split("\n")) if (line.startsWith("\tat ")) n++;
        return n;
    }

    static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }

    static void run(File log, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (log != null) pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        else pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        int rc = pb.start().waitFor();
        if (rc != 0) throw new IllegalStateException(String.join(" ", command) + " exited with " + rc);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
