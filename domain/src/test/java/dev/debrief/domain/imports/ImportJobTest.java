package dev.debrief.domain.imports;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportJobTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Access ADMIN = new Access(new WorkspaceId(UUID.randomUUID()),
            new Access.MemberActor(new MemberId(UUID.randomUUID()), Role.ADMIN));

    private static ImportJob running() {
        return ImportJob.rehydrate(new ImportId(UUID.randomUUID()), ADMIN, null, 10, ImportStatus.RUNNING, ImportCounts.NONE,
                1, null, T0, T0, null);
    }

    @Test
    void aNewJobIsQueuedWithNothingDone() {
        ImportJob job = ImportJob.queue(new ImportId(UUID.randomUUID()), ADMIN, "deals.csv", 10, T0);

        assertThat(job.status()).isEqualTo(ImportStatus.QUEUED);
        assertThat(job.counts()).isEqualTo(ImportCounts.NONE);
        assertThat(job.checkpointRow()).isEqualTo(1);
    }

    @Test
    void addsABatchAndMovesTheCheckpointForward() {
        ImportJob job = running().progressed(new ImportCounts(3, 1, 1, 0, 0, 1), 4)
                .progressed(new ImportCounts(2, 2, 0, 0, 0, 0), 7);

        assertThat(job.counts()).isEqualTo(new ImportCounts(5, 3, 1, 0, 0, 1));
        assertThat(job.checkpointRow()).isEqualTo(7);
        assertThatThrownBy(() -> job.progressed(ImportCounts.NONE, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRowReadHasExactlyOneResult() {
        assertThatThrownBy(() -> new ImportCounts(3, 1, 1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyARunningJobProgressesOrSucceeds() {
        ImportJob queued = ImportJob.queue(new ImportId(UUID.randomUUID()), ADMIN, null, 1, T0);

        assertThatThrownBy(() -> queued.progressed(ImportCounts.NONE, 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> queued.succeeded(T0)).isInstanceOf(IllegalStateException.class);
        ImportJob done = running().succeeded(T0.plusSeconds(1));
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(1));
        assertThatThrownBy(() -> done.failed("late", T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedJobCarriesItsError() {
        ImportJob failed = running().failed("boom", T0);

        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.error()).isEqualTo("boom");
        assertThat(running().failed(" ", T0).error()).isEqualTo("failed");
    }
}
