package dev.debrief.application.service.imports;

import dev.debrief.application.port.in.imports.RunImportJobsUseCase;
import dev.debrief.application.port.out.imports.CsvRecordReader;
import dev.debrief.application.port.out.imports.CsvRecordReader.CsvRecords;
import dev.debrief.application.port.out.imports.ImportSettings;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportJob;
import dev.debrief.domain.shared.DomainException;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one import at a time, outside any transaction of its own: the file is read chunk by chunk (one
 * short transaction per chunk) and parsed record by record; every {@link ImportSettings#batchSize()}
 * data rows go to {@link ImportSteps#commit} (one transaction: deals, rejections, counts, checkpoint,
 * lease). Rows up to the job's checkpoint were committed by an earlier run and are skipped. A job that
 * throws is FAILED with the error; a runner that dies leaves its lease to expire, and the next claim
 * resumes the job.
 */
@ApplicationScoped
public class RunImportJobsService implements RunImportJobsUseCase {

    private final ImportSteps steps;
    private final ImportSettings settings;
    private final CsvRecordReader csv;
    private volatile boolean stopping;

    @Inject
    public RunImportJobsService(ImportSteps steps, ImportSettings settings, CsvRecordReader csv) {
        this.steps = steps;
        this.settings = settings;
        this.csv = csv;
    }

    @Override
    public void stop() {
        stopping = true;
    }

    @Override
    public Optional<ImportId> runNext(int maxBatches) {
        if (stopping) {
            return Optional.empty();
        }
        UUID token = UUID.randomUUID();
        Optional<ImportJob> claimed = steps.claim(token);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        ImportJob job = claimed.get();
        try {
            run(job, token, maxBatches);
        } catch (ImportSteps.LeaseLost e) {
            // another runner resumed the job after this one's lease expired: it is theirs now
        } catch (DomainException e) {
            steps.fail(job, token, e.code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            if (!stopping) { // while shutting down, the failure is the shutdown's: the job resumes elsewhere
                steps.fail(job, token, "The import stopped unexpectedly: " + e);
            }
        }
        return Optional.of(job.id());
    }

    private void run(ImportJob job, UUID token, int maxBatches) {
        WorkspaceId ws = job.access().workspaceId();
        ImportId id = job.id();
        try (CsvRecords records = csv.open(new ChunkedInputStream(seq -> steps.chunk(ws, id, seq))).orElseThrow(
                () -> new dev.debrief.domain.shared.InvalidInput("import.empty-file", "The file is empty", null))) {
            run(job, token, maxBatches, records);
        }
    }

    /**
     * A file the reader refuses part-way (a quote that never closes, a row over the limit: checked at upload
     * since issue 12, so only files stored before can) fails the job with that refusal; rows before it stay.
     */
    private void run(ImportJob job, UUID token, int maxBatches, CsvRecords records) {
        CsvDealRows rows = CsvDealRows.forHeader(records.header(), job.createdAt());
        int checkpoint = job.checkpointRow();
        List<ImportSteps.Parsed> batch = new ArrayList<>();
        int lastRow = checkpoint;
        int batches = 0;
        List<String> cells;
        while ((cells = records.next()) != null) {
            int rowNumber = records.rowNumber();
            if (rowNumber <= checkpoint) {
                continue;
            }
            lastRow = rowNumber;
            if (CsvDealRows.blank(cells)) {
                continue;
            }
            try {
                batch.add(new ImportSteps.Parsed(rowNumber, rows.read(rowNumber, cells), null));
            } catch (DomainException e) {
                batch.add(new ImportSteps.Parsed(rowNumber, null, e));
            }
            if (batch.size() >= settings.batchSize()) {
                if (stopping) {
                    return;
                }
                job = steps.commit(job, token, batch, lastRow);
                batch = new ArrayList<>();
                if (++batches >= maxBatches) {
                    return;
                }
            }
        }
        if (stopping) {
            return;
        }
        if (!batch.isEmpty() || lastRow > job.checkpointRow()) {
            job = steps.commit(job, token, batch, lastRow);
        }
        steps.succeed(job, token);
    }
}
