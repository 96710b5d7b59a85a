package dev.debrief.bootstrap.limits;

import dev.debrief.adapter.rest.shared.BodySizeLimit;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import dev.debrief.bootstrap.support.AuthenticateAsAlice;
import dev.debrief.bootstrap.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A body over quarkus.http.limits.max-body-size (DEBRIEF_MAX_BODY_SIZE) is a 413 problem, and nothing is written. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BodySizeLimitTest {

    @Inject
    BodySizeLimit limit;

    @Inject
    Sql sql;

    @TestHTTPResource("/api/v1/")
    URL api;

    /** A JSON deal whose name pads the body to exactly this many bytes. */
    private static String dealOfSize(long bytes) {
        String start = "{\"name\":\"";
        String end = "\"}";
        return start + "x".repeat((int) (bytes - start.length() - end.length())) + end;
    }

    @Test
    @SendsInvalidInput
    void refusesABodyOverTheLimitAsAProblemAndWritesNothing() {
        String ws = Api.createWorkspace();
        long rows = sql.rowsOf(ws);

        Api.problem(given().contentType(ContentType.JSON).body(dealOfSize(limit.maxBytes() + 1))
                .post("/api/v1/workspaces/{ws}/deals", ws).then(), 413, "request.too-large");

        assertThat(sql.rowsOf(ws)).isEqualTo(rows);
    }

    @Test
    @SendsInvalidInput
    void readsABodyOfExactlyTheLimit() {
        String ws = Api.createWorkspace();

        Api.problem(given().contentType(ContentType.JSON).body(dealOfSize(limit.maxBytes()))
                .post("/api/v1/workspaces/{ws}/deals", ws).then(), 400, "validation.failed")
                .body("errors[0].field", equalTo("name"));
    }

    /** Without Content-Length the size shows only while reading; the body is read up to the limit. */
    @Test
    void refusesAChunkedBodyOverTheLimitAsAProblemAndWritesNothing() throws Exception {
        String ws = Api.createWorkspace();
        long rows = sql.rowsOf(ws);

        HttpResponse<String> response = postChunked(ws, dealOfSize(limit.maxBytes() + 1));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(response.body()).contains("\"code\":\"request.too-large\"")
                .contains("\"instance\":\"urn:debrief:request:" + requestId + "\"");
        assertThat(sql.rowsOf(ws)).isEqualTo(rows);
    }

    @Test
    void readsAChunkedBodyUnderTheLimit() throws Exception {
        String ws = Api.createWorkspace();

        HttpResponse<String> response = postChunked(ws, "{\"name\":\"Streamed deal\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(sql.count("select count(*) from deal where workspace_id = ? and name = 'Streamed deal'", ws)).isEqualTo(1);
    }

    /** The CSV import has its own, larger limit (debrief.import.max-size): the small one doesn't apply there. */
    @Test
    void letsACsvImportOverTheGeneralLimitThrough() {
        String ws = Api.createWorkspace();
        StringBuilder csv = new StringBuilder("name,outcome\n");
        while (csv.length() <= limit.maxBytes()) {
            csv.append("A deal with a long enough name to fill the file quickly,OPEN\n");
        }
        assertThat(limit.importMaxBytes()).isGreaterThan(csv.length());

        given().contentType("text/csv").header("Idempotency-Key", "big-import").body(csv.toString())
                .post("/api/v1/workspaces/{ws}/imports", ws).then().statusCode(202);
    }

    /**
     * A client that sends its whole body before it reads the answer (most do) must get the 413, not a reset:
     * closing a connection with unread data makes the kernel reset it, and the client's write fails before
     * it ever reads the problem. The service reads and discards the rest of a refused body (up to a bound).
     */
    @Test
    void aClientStillSendingItsBodyReadsThe413InsteadOfAReset() throws Exception {
        String ws = Api.createWorkspace();
        int length = (int) limit.maxBytes() + 512 * 1024;
        try (java.net.Socket socket = new java.net.Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/workspaces/" + ws + "/deals HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.person(AuthenticateAsAlice.ALICE) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the 413 is sent and the connection would be closed by now
            byte[] chunk = new byte[16 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, length - sent));
            }
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"request.too-large\"");
        }
    }

    /**
     * The same for a streamed CSV import: the limit shows only while the resource stores the file, and the
     * client is still sending when the 413 goes out.
     */
    @Test
    void aClientStillStreamingAnImportReadsThe413InsteadOfAReset() throws Exception {
        String ws = Api.createWorkspace();
        long length = limit.importMaxBytes() + 1024 * 1024;
        try (java.net.Socket socket = new java.net.Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/workspaces/" + ws + "/imports HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.person(AuthenticateAsAlice.ALICE) + "\r\n"
                    + "Idempotency-Key: too-big-stream\r\n"
                    + "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] line = "name,outcome\n".getBytes(StandardCharsets.US_ASCII);
            out.write((Integer.toHexString(line.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(line);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "A deal with a long enough name to fill the file quickly,OPEN\n".repeat(256)
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (long sent = line.length; sent < length; sent += chunk.length) {
                out.write(head);
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"request.too-large\"");
        }
        assertThat(sql.count("select count(*) from import_job where workspace_id = ?", ws)).isZero();
    }

    /** POSTs a deal with a body of unknown length: HTTP/1.1 chunked transfer encoding, no Content-Length. */
    private HttpResponse<String> postChunked(String ws, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(api + "workspaces/" + ws + "/deals"))
                        .header("Authorization", "Bearer " + Tokens.person(AuthenticateAsAlice.ALICE))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
