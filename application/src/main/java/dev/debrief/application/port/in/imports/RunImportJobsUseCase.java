package dev.debrief.application.port.in.imports;

import java.util.Optional;

import dev.debrief.domain.imports.ImportId;

/**
 * Runs queued imports. Every instance may call it: a job is claimed by one runner at a time (a lease
 * renewed per batch), and a job whose runner died is claimed again once its lease expires and
 * resumes after its last committed batch.
 */
public interface RunImportJobsUseCase {

    /**
     * Claims one job (QUEUED, or RUNNING with an expired lease) and runs it to its end, or for at most
     * {@code maxBatches} batches (the job then stays RUNNING under its lease, as if this runner had
     * stopped: what a crash leaves behind).
     *
     * @return the job it worked on; empty when none was waiting
     */
    Optional<ImportId> runNext(int maxBatches);

    /**
     * The instance is shutting down: a run in progress stops before its next batch and leaves its job
     * RUNNING under its lease (another instance resumes it when the lease expires) instead of failing it
     * on a closing database; no new job is claimed.
     */
    void stop();
}
