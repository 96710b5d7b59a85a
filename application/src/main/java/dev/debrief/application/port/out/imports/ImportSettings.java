package dev.debrief.application.port.out.imports;

import java.time.Duration;

/** Configuration of CSV imports. */
public interface ImportSettings {

    /** Rows per batch: each batch is one transaction with the job's progress (DEBRIEF_IMPORT_BATCH_SIZE, 500). */
    int batchSize();

    /** How long a runner holds a job between two batches before another may take it over (DEBRIEF_IMPORT_LEASE, 60 s). */
    Duration lease();
}
