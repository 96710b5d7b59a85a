package dev.debrief.bootstrap.imports;

import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.AuthenticateAsAlice;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.bootstrap.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow import uploads (issue 12, item 4): while clients trickle their files, no database connection waits
 * for them and the rest of the API answers; too many at once get 429, a client that stops sending gets 408.
 * The test profile: idle timeout 5 s, at most 6 uploads per instance and 4 per workspace. Bodies are larger
 * than Quarkus REST's input buffer (10 KB): a smaller one is buffered by Quarkus before the resource runs.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ImportUploadTest {

    @Inject
    Sql sql;

    @TestHTTPResource("/")
    URL root;

    private final List<SlowUpload> open = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService trickler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    /** Every open upload sends one more line every 500 ms (well within the idle timeout) until it is finished. */
    @org.junit.jupiter.api.BeforeEach
    void trickle() {
        trickler.scheduleAtFixedRate(() -> open.forEach(SlowUpload::trickleQuietly), 500, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void closeUploads() {
        trickler.shutdownNow();
        open.forEach(SlowUpload::close);
    }

    @Test
    void slowUploadsHoldNoDatabaseConnectionAndTheApiKeepsAnswering() throws Exception {
        String ws = Api.createWorkspace();
        for (int i = 0; i < 4; i++) {
            open.add(SlowUpload.start(root, ws, "slow-" + i, 200));
        }
        awaitBeingReceived(4);
        for (int round = 0; round < 3; round++) {
            assertThat(open).allMatch(SlowUpload::unfinished);
            assertThat(sql.count("select count(*) from pg_stat_activity where datname = current_database() "
                    + "and state like 'idle in transaction%'")).as("connections waiting in a transaction").isZero();
            String deal = Api.createDeal(ws, "Made while uploads trickle " + round);
            given().get("/api/v1/workspaces/{ws}/deals/{id}", ws, deal).then().statusCode(200);
        }
        List<SlowUpload> uploads = List.copyOf(open);
        open.clear();
        for (SlowUpload upload : uploads) {
            upload.finish();
        }
        for (SlowUpload upload : uploads) {
            assertThat(upload.response()).startsWith("HTTP/1.1 202");
        }
        assertThat(sql.count("select count(*) from import_job where workspace_id = ?", ws)).isEqualTo(4);
        awaitBeingReceived(0); // received files are deleted once stored
    }

    @Test
    void tooManyUploadsInAWorkspaceOrOnTheInstanceGet429WithRetryAfter() throws Exception {
        String ws = Api.createWorkspace();
        for (int i = 0; i < 4; i++) {
            open.add(SlowUpload.start(root, ws, "cap-" + i, 200));
        }
        awaitBeingReceived(4);
        String workspaceFull = SlowUpload.start(root, ws, "cap-5", 1).finishAndRead();
        assertThat(workspaceFull).startsWith("HTTP/1.1 429").contains("Retry-After: 30")
                .contains("\"code\":\"import.too-many-uploads\"").contains("This workspace");

        String other = Api.createWorkspace();
        for (int i = 0; i < 2; i++) {
            open.add(SlowUpload.start(root, other, "cap-other-" + i, 200));
        }
        awaitBeingReceived(6);
        String instanceFull = SlowUpload.start(root, Api.createWorkspace(), "cap-7", 1).finishAndRead();
        assertThat(instanceFull).startsWith("HTTP/1.1 429").contains("Retry-After: 30")
                .contains("\"code\":\"import.too-many-uploads\"").contains("This instance");
        assertThat(sql.count("select count(*) from import_job where workspace_id = ?", ws)).isZero();
    }

    @Test
    void anUploadThatStopsSendingGets408AndLeavesNothing() throws Exception {
        String ws = Api.createWorkspace();
        SlowUpload idle = SlowUpload.start(root, ws, "idle", 200);
        idle.trickle(3);

        String response = idle.response(); // nothing more is sent: cut after the 5 s idle timeout
        idle.close();

        assertThat(response).startsWith("HTTP/1.1 408").contains("application/problem+json")
                .contains("\"code\":\"import.upload-timeout\"");
        assertThat(sql.count("select count(*) from import_job where workspace_id = ?", ws)).isZero();
        awaitBeingReceived(0); // the half-received file is deleted
        given().get("/api/v1/workspaces/{ws}", ws).then().statusCode(200);
    }

    /** Until the service is receiving exactly this many uploads (each has its spool file), at most 30 s. */
    private static void awaitBeingReceived(int uploads) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (spoolFiles().size() != uploads) {
            assertThat(System.nanoTime()).as("uploads being received").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<Path> spoolFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")),
                "debrief-import-*.upload")) {
            dir.forEach(files::add);
        }
        return files;
    }

    /** An import upload over a raw socket, its body sent a line at a time. */
    static final class SlowUpload {
        private final Socket socket;
        private final OutputStream out;
        private final List<byte[]> lines;
        private int sent;

        private SlowUpload(Socket socket, List<byte[]> lines) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.lines = lines;
        }

        static SlowUpload start(URL root, String ws, String key, int rows) throws IOException {
            List<byte[]> lines = new ArrayList<>();
            lines.add("name,outcome,what_happened\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= rows; i++) {
                lines.add(("Deal " + key + " " + i + ",OPEN," + "x".repeat(100) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            int length = lines.stream().mapToInt(l -> l.length).sum();
            Socket socket = new Socket(root.getHost(), root.getPort());
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/workspaces/" + ws + "/imports HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort()
                    + "\r\nAuthorization: Bearer " + Tokens.person(AuthenticateAsAlice.ALICE)
                    + "\r\nContent-Type: text/csv\r\nIdempotency-Key: " + key + "\r\nContent-Length: " + length + "\r\n\r\n";
            SlowUpload upload = new SlowUpload(socket, lines);
            upload.out.write(head.getBytes(StandardCharsets.UTF_8));
            upload.trickle(1);
            return upload;
        }

        synchronized void trickle(int n) throws IOException {
            for (int i = 0; i < n && sent < lines.size(); i++) {
                out.write(lines.get(sent++));
                out.flush();
            }
        }

        void trickleQuietly() {
            try {
                trickle(1);
            } catch (IOException e) {
                // the service answered and closed: the test reads the answer
            }
        }

        synchronized boolean unfinished() {
            return sent < lines.size();
        }

        void finish() throws IOException {
            trickle(lines.size());
        }

        String finishAndRead() throws IOException {
            finish();
            String response = response();
            close();
            return response;
        }

        /** The status line, headers and body the service answered (read until it closes or the body ends). */
        String response() throws IOException {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                read.write(buffer, 0, n);
                String text = read.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end > 0) {
                    String lengthHeader = text.lines().filter(l -> l.toLowerCase().startsWith("content-length:")).findFirst().orElse(null);
                    if (lengthHeader != null && text.length() - end - 4 >= Integer.parseInt(lengthHeader.substring(15).trim())) {
                        break;
                    }
                }
            }
            return read.toString(StandardCharsets.UTF_8);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
