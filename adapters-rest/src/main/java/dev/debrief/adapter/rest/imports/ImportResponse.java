package dev.debrief.adapter.rest.imports;

import dev.debrief.domain.imports.ImportJob;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A CSV import job: where it stands and what it did so far. */
@Schema(name = "ImportJob")
public record ImportResponse(
        UUID id,
        @Schema(description = "QUEUED, RUNNING, SUCCEEDED or FAILED", examples = "RUNNING",
                enumeration = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED"}) String status,
        @Schema(description = "The upload's size in bytes", minimum = "0", maximum = "9223372036854775807", examples = "182734") long fileBytes,
        @Schema(description = "Data rows read so far (blank rows are not counted)", minimum = "0", maximum = "2147483647", examples = "1500") int rowsRead,
        @Schema(minimum = "0", maximum = "2147483647", examples = "1200") int created,
        @Schema(minimum = "0", maximum = "2147483647", examples = "250") int updated,
        @Schema(minimum = "0", maximum = "2147483647", examples = "40") int unchanged,
        @Schema(description = "Rows older than what Debrief holds for their deal", minimum = "0", maximum = "2147483647", examples = "5") int stale,
        @Schema(description = "Rows refused; see the rejections", minimum = "0", maximum = "2147483647", examples = "5") int rejected,
        @Schema(nullable = true, maxLength = MAX_ERROR, description = "Why the job failed (its first 10,000 characters); null unless FAILED")
        String error,
        @Schema(examples = "2026-11-23T10:15:30.123456Z") Instant createdAt,
        @Schema(nullable = true, description = "When a runner first took the job; null while QUEUED") Instant startedAt,
        @Schema(nullable = true, description = "When it SUCCEEDED or FAILED; null until then") Instant finishedAt) {

    static final int MAX_ERROR = 10_000;

    static ImportResponse from(ImportJob job) {
        var c = job.counts();
        return new ImportResponse(job.id().value(), job.status().name(), job.fileBytes(), c.rowsRead(), c.created(),
                c.updated(), c.unchanged(), c.stale(), c.rejected(), cut(job.error(), MAX_ERROR), job.createdAt(), job.startedAt(),
                job.finishedAt());
    }

    /** A text the contract bounds: its first {@code max - 1} characters and an ellipsis when it is longer. */
    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
