package dev.debrief.adapter.rest.imports;

import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spool directory, the caps and the idle cut of {@link ImportUploads}, without HTTP. */
class ImportUploadsTest {

    @TempDir
    Path spool;

    private ImportUploads uploads;

    private ImportUploads uploads(Duration idle, int max, int perWorkspace) {
        uploads = new ImportUploads(Optional.of(spool.toString()), idle, Duration.ofMinutes(10), max, perWorkspace);
        return uploads;
    }

    @AfterEach
    void stop() {
        uploads.stop(null);
    }

    @Test
    void atStartDeletesUploadsACrashedInstanceLeftButNotOnesThatMayStillBeArriving() throws Exception {
        Path stale = Files.createFile(spool.resolve("debrief-import-1.upload"));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofMinutes(12))));
        Path recent = Files.createFile(spool.resolve("debrief-import-2.upload"));
        Path other = Files.createFile(spool.resolve("someone-else.upload"));
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

        uploads(Duration.ofSeconds(30), 8, 2).start(null);

        assertThat(stale).doesNotExist();
        assertThat(recent).exists();
        assertThat(other).exists();
    }

    @Test
    void aReceivedFileIsDeletedWhenClosed() throws Exception {
        ImportUploads.Spooled file = uploads(Duration.ofSeconds(30), 8, 2)
                .receive(new ByteArrayInputStream("name,outcome\n".getBytes(StandardCharsets.UTF_8)), 1000);
        assertThat(new String(file.open().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("name,outcome\n");

        file.close();

        try (var left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aBodyThatStopsArrivingIsCutAndItsFileDeleted() throws Exception {
        ImportUploads uploads = uploads(Duration.ofMillis(300), 8, 2);
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream body = new PipedInputStream(client);
        client.write("name,outcome\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> uploads.receive(body, 1000)).isInstanceOf(ImportUploads.UploadTimedOut.class);

        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is cleared").isFalse();
        try (var left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
        client.close();
    }

    @Test
    void capsUploadsPerWorkspaceAndPerInstanceAndGivesPlacesBack() {
        ImportUploads uploads = uploads(Duration.ofSeconds(30), 3, 2);
        WorkspaceId a = WorkspaceId.newId();
        WorkspaceId b = WorkspaceId.newId();
        ImportUploads.Permit first = uploads.acquire(a);
        uploads.acquire(a);

        assertThatThrownBy(() -> uploads.acquire(a)).isInstanceOf(ImportUploads.TooManyUploads.class)
                .hasMessageContaining("workspace");
        uploads.acquire(b);
        assertThatThrownBy(() -> uploads.acquire(b)).isInstanceOf(ImportUploads.TooManyUploads.class)
                .hasMessageContaining("instance");

        first.close();
        uploads.acquire(b);
    }
}
