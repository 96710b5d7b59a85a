import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deal list latency against a running Debrief (JDK only: {@code java bench/DealListBench.java}).
 * Loads N deals into a fresh workspace through the API, then times list requests: the first page
 * of several filter/sort combinations and a full cursor walk. Prints a Markdown table.
 *
 * Usage: java bench/DealListBench.java baseUrl adminApiKey [deals=20000] [requests=300]
 * (the admin key of an empty workspace, e.g. the one a fresh embedded start prints).
 */
public class DealListBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");
    static String key;
    static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        key = args[1];
        int deals = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        String api = base + "/api/v1";

        Matcher me = Pattern.compile("\"workspaces\":\\[\\{\"id\":\"([^\"]+)\"").matcher(get(api + "/me"));
        if (!me.find()) throw new IllegalStateException("the key names no workspace");
        String ws = me.group(1);
        String stages = get(api + "/workspaces/" + ws + "/vocabularies/stages");
        List<String> stageIds = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(stages);
        while (m.find()) stageIds.add(m.group(1));

        long loadStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < deals; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                Random r = new Random(n);
                String body = "{\"name\":\"Deal " + n + "\",\"account\":\"Account " + (n % 997) + "\",\"stageId\":\""
                        + stageIds.get(n % stageIds.size()) + "\""
                        + (n % 10 == 0 ? "" : ",\"amount\":{\"value\":" + (1000 + r.nextInt(200_000)) + ",\"currency\":\"EUR\"}")
                        + "}";
                return post(api + "/workspaces/" + ws + "/deals", body);
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf("Loaded %d deals in %.1f s (%.0f creates/s, 8 clients)%n%n", deals, loadSeconds, deals / loadSeconds);

        String list = api + "/workspaces/" + ws + "/deals";
        String[][] cases = {
                {"first page, default sort (-createdAt), limit 25", list},
                {"first page, sort=-amount, limit 100", list + "?sort=-amount&limit=100"},
                {"first page, sort=name, limit 100", list + "?sort=name&limit=100"},
                {"first page, stageId filter, sort=-amount", list + "?stageId=" + stageIds.get(3) + "&sort=-amount&limit=50"},
                {"first page, q=account 42 (substring scan)", list + "?q=account%2042&limit=25"},
        };
        System.out.println("| request | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---|---|---|");
        for (String[] c : cases) {
            for (int i = 0; i < 30; i++) get(c[1]); // warm-up
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long t = System.nanoTime();
                get(c[1]);
                times.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(times);
            System.out.printf("| %s | %.1f | %.1f | %.1f |%n", c[0], pct(times, 50), pct(times, 95), pct(times, 99));
        }

        long walkStart = System.nanoTime();
        int pages = 0;
        String cursor = null;
        do {
            String page = get(list + "?sort=-amount&limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            Matcher cm = CURSOR.matcher(page);
            cursor = cm.find() ? cm.group(1) : null;
            pages++;
        } while (cursor != null);
        double walkMs = (System.nanoTime() - walkStart) / 1e6;
        System.out.printf("%nFull cursor walk, sort=-amount, limit 100: %d pages in %.0f ms (%.1f ms/page, last page as fast as the first: keyset, no OFFSET)%n",
                pages, walkMs, walkMs / pages);
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) throw new IllegalStateException("no id in " + json);
        return m.group(1);
    }

    static String post(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
    }

    static String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).GET().build(), 200);
    }

    static String send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.uri() + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
