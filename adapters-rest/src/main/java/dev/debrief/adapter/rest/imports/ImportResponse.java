package dev.debrief.adapter.rest.imports;

import dev.debrief.domain.imports.ImportJob;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A CSV import job: where it stands and what it did so far. */
@Schema(name = "Import")
public record ImportResponse(
        UUID id,
        @Schema(description = "QUEUED, RUNNING, SUCCEEDED or FAILED", examples = "RUNNING",
                enumeration = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED"}) String status,
        @Schema(description = "The upload's size in bytes", examples = "182734") long fileBytes,
        @Schema(description = "Data rows read so far (blank rows are not counted)", examples = "1500") int rowsRead,
        @Schema(examples = "1200") int created,
        @Schema(examples = "250") int updated,
        @Schema(examples = "40") int unchanged,
        @Schema(description = "Rows older than what Debrief holds for their deal", examples = "5") int stale,
        @Schema(description = "Rows refused; see the rejections", examples = "5") int rejected,
        @Schema(description = "Why the job failed (FAILED only)") String error,
        @Schema(examples = "2026-11-23T10:15:30.123456Z") Instant createdAt,
        @Schema(description = "When a runner first took the job") Instant startedAt,
        @Schema(description = "When it SUCCEEDED or FAILED") Instant finishedAt) {

    static ImportResponse from(ImportJob job) {
        var c = job.counts();
        return new ImportResponse(job.id().value(), job.status().name(), job.fileBytes(), c.rowsRead(), c.created(),
                c.updated(), c.unchanged(), c.stale(), c.rejected(), job.error(), job.createdAt(), job.startedAt(),
                job.finishedAt());
    }
}
