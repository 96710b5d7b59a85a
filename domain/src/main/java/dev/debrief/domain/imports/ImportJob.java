package dev.debrief.domain.imports;

import dev.debrief.domain.access.Access;

import java.time.Instant;
import java.util.Objects;

/**
 * A CSV import: the uploaded file (stored elsewhere, by id), who started it (the access the rows are
 * ingested with), where it stands and what it did. {@code checkpointRow} is the last spreadsheet row
 * whose batch committed (1, the header, before any): a runner that takes the job over resumes after it.
 */
public final class ImportJob {

    private final ImportId id;
    private final Access access;
    private final String fileName;
    private final long fileBytes;
    private final ImportStatus status;
    private final ImportCounts counts;
    private final int checkpointRow;
    private final String error;
    private final Instant createdAt;
    private final Instant startedAt;
    private final Instant finishedAt;

    private ImportJob(ImportId id, Access access, String fileName, long fileBytes, ImportStatus status,
                      ImportCounts counts, int checkpointRow, String error, Instant createdAt, Instant startedAt,
                      Instant finishedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.access = Objects.requireNonNull(access, "access");
        this.fileName = fileName;
        if (fileBytes < 0) {
            throw new IllegalArgumentException("A file has at least 0 bytes");
        }
        this.fileBytes = fileBytes;
        this.status = Objects.requireNonNull(status, "status");
        this.counts = Objects.requireNonNull(counts, "counts");
        if (checkpointRow < 1) {
            throw new IllegalArgumentException("The checkpoint is a row number, the header being row 1");
        }
        this.checkpointRow = checkpointRow;
        if ((status == ImportStatus.FAILED) != (error != null)) {
            throw new IllegalArgumentException("A FAILED job, and only a FAILED one, has an error");
        }
        this.error = error;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        if (status.finished() != (finishedAt != null)) {
            throw new IllegalArgumentException("A finished job, and only a finished one, has finishedAt");
        }
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
    }

    /** A new job for an uploaded file: QUEUED, nothing done yet. */
    public static ImportJob queue(ImportId id, Access access, String fileName, long fileBytes, Instant now) {
        return new ImportJob(id, access, fileName, fileBytes, ImportStatus.QUEUED, ImportCounts.NONE, 1, null, now,
                null, null);
    }

    /** A job as stored. */
    public static ImportJob rehydrate(ImportId id, Access access, String fileName, long fileBytes, ImportStatus status,
                                      ImportCounts counts, int checkpointRow, String error, Instant createdAt,
                                      Instant startedAt, Instant finishedAt) {
        return new ImportJob(id, access, fileName, fileBytes, status, counts, checkpointRow, error, createdAt,
                startedAt, finishedAt);
    }

    /** The job with a batch's results added and the checkpoint moved to the batch's last row. */
    public ImportJob progressed(ImportCounts batch, int lastRow) {
        requireRunning();
        if (lastRow < checkpointRow) {
            throw new IllegalArgumentException("A checkpoint only moves forward: " + checkpointRow + " -> " + lastRow);
        }
        return new ImportJob(id, access, fileName, fileBytes, status, counts.plus(batch), lastRow, null, createdAt,
                startedAt, null);
    }

    public ImportJob succeeded(Instant now) {
        requireRunning();
        return new ImportJob(id, access, fileName, fileBytes, ImportStatus.SUCCEEDED, counts, checkpointRow, null,
                createdAt, startedAt, now);
    }

    public ImportJob failed(String reason, Instant now) {
        if (status.finished()) {
            throw new IllegalStateException("Import " + id.value() + " already finished " + status);
        }
        return new ImportJob(id, access, fileName, fileBytes, ImportStatus.FAILED, counts, checkpointRow,
                reason == null || reason.isBlank() ? "failed" : reason, createdAt, startedAt, now);
    }

    private void requireRunning() {
        if (status != ImportStatus.RUNNING) {
            throw new IllegalStateException("Import " + id.value() + " is " + status + ", not RUNNING");
        }
    }

    public ImportId id() { return id; }
    public Access access() { return access; }
    public String fileName() { return fileName; }
    public long fileBytes() { return fileBytes; }
    public ImportStatus status() { return status; }
    public ImportCounts counts() { return counts; }
    public int checkpointRow() { return checkpointRow; }
    public String error() { return error; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
}
