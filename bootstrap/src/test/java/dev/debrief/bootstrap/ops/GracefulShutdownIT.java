package dev.debrief.bootstrap.ops;

import dev.debrief.bootstrap.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SIGTERM on the packaged service with its embedded PostgreSQL: readiness turns 503 at once, the
 * service keeps answering for the delay D, then refuses new connections, and the process ends within
 * D + T + 1 s with its PostgreSQL stopped cleanly (no postmaster.pid left). bench/shutdown-drill.sh
 * drives the same sequence under load.
 */
class GracefulShutdownIT {

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

    private int status(ServiceProcess service, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
