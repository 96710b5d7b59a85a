package dev.debrief.bootstrap.ops;

import dev.debrief.bootstrap.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SIGTERM on the packaged service with its embedded PostgreSQL: readiness turns 503 at once, the
 * service keeps answering for the delay D, then refuses new connections, and the process ends within
 * D + T + 1 s with its PostgreSQL stopped cleanly (no postmaster.pid left). bench/shutdown-drill.sh
 * drives the same sequence under load.
 */
class GracefulShutdownIT {

    private static final Pattern FIRST_RUN = Pattern.compile(
            "First start: created the workspace \"[^\"]*\" \\(([0-9a-f-]{36})\\)[\\s\\S]*?(dbk_[A-Za-z0-9_-]+)");

    private static final Duration DELAY = Duration.ofSeconds(2);
    private static final Duration DRAIN_CAP = Duration.ofSeconds(3);

    @TempDir
    Path workingDirectory;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void turnsUnreadyThenStopsAcceptingThenStopsItsDatabaseLast() throws Exception {
        Path dataDirectory = workingDirectory.resolve("pgdata");
        try (ServiceProcess service = ServiceProcess.start(workingDirectory, Map.of(
                "DEBRIEF_DATA_DIR", dataDirectory.toString(),
                "DEBRIEF_SHUTDOWN_DELAY", DELAY.toSeconds() + "s",
                "DEBRIEF_SHUTDOWN_TIMEOUT", DRAIN_CAP.toSeconds() + "s"))) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as(service.output()).isTrue();

            long signalled = System.nanoTime();
            service.terminate();
            Thread.sleep(300);
            assertThat(status(service, "/q/health/ready")).as("readiness right after SIGTERM").isEqualTo(503);
            assertThat(status(service, "/q/health/live")).as("still serving during the delay").isEqualTo(200);

            Thread.sleep(DELAY.toMillis() + 700 - (System.nanoTime() - signalled) / 1_000_000);
            if (service.awaitExit(Duration.ZERO).isEmpty()) {
                assertThatThrownBy(() -> status(service, "/q/health/live")).as("a new connection after the delay is refused")
                        .isInstanceOf(ConnectException.class);
            }
            OptionalInt exit = service.awaitExit(DELAY.plus(DRAIN_CAP).plusSeconds(1));
            long tookMillis = (System.nanoTime() - signalled) / 1_000_000;

            assertThat(exit).as("ends within D + T + 1 s; it printed:%n%s", service.output()).hasValue(143);
            assertThat(tookMillis).isLessThanOrEqualTo(DELAY.plus(DRAIN_CAP).plusSeconds(1).toMillis());
            assertThat(service.output()).contains("Stopped accepting connections").doesNotContain("Timed out waiting for graceful shutdown");
            assertThat(dataDirectory.resolve("postmaster.pid")).as("PostgreSQL was stopped cleanly").doesNotExist();
        }
    }

    /**
     * A kept-alive connection with no request on it is closed when the listener closes, not when the drain
     * ends: a client then sees the close before it reuses the connection, instead of having its next
     * request reset unread. A request still arriving slowly on another connection keeps the drain going.
     */
    @Test
    void closesIdleKeptAliveConnectionsWhenTheListenerClosesWhileOthersDrain() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workingDirectory, Map.of(
                "DEBRIEF_DATA_DIR", workingDirectory.resolve("pgdata").toString(),
                "DEBRIEF_SHUTDOWN_DELAY", DELAY.toSeconds() + "s",
                "DEBRIEF_SHUTDOWN_TIMEOUT", DRAIN_CAP.toSeconds() + "s"))) {
            assertThat(service.awaitReady(Duration.ofSeconds(120))).as(service.output()).isTrue();
            try (Socket idle = new Socket("127.0.0.1", service.port()); Socket slow = new Socket("127.0.0.1", service.port())) {
                drainWithAnIdleAndASlowConnection(service, idle, slow);
            }
        }
    }

    private static void drainWithAnIdleAndASlowConnection(ServiceProcess service, Socket idle, Socket slow) throws Exception {
        idle.setSoTimeout(10_000);
        idle.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        readOneResponse(idle.getInputStream());
        Matcher firstRun = FIRST_RUN.matcher(service.output());
        assertThat(firstRun.find()).as(service.output()).isTrue();
        slow.getOutputStream().write(("POST /api/v1/workspaces/" + firstRun.group(1) + "/deals HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + firstRun.group(2) + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));

        long signalled = System.nanoTime();
        service.terminate();
        int next = idle.getInputStream().read();
        long closedAfterMillis = (System.nanoTime() - signalled) / 1_000_000;

        assertThat(next).as("the idle connection is closed, with nothing more sent on it").isEqualTo(-1);
        assertThat(closedAfterMillis).as("closed when the listener closed (D = %d ms)", DELAY.toMillis())
                .isBetween(DELAY.toMillis() - 100, DELAY.toMillis() + 1_000);
        slow.setSoTimeout(1_000);
        assertThatThrownBy(() -> slow.getInputStream().read()).as("the slow request is still being drained")
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(service.awaitExit(DELAY.plus(DRAIN_CAP).plusSeconds(1))).as(service.output()).isPresent();
    }

    /** Reads one HTTP/1.1 response with a Content-Length from a kept-alive connection. */
    private static void readOneResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("response head so far: %s", head).isNotEqualTo(-1);
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        assertThat(length.find()).as(head.toString()).isTrue();
        in.readNBytes(Integer.parseInt(length.group(1)));
    }

    private int status(ServiceProcess service, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
