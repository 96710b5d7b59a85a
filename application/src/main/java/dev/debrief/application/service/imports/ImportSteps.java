package dev.debrief.application.service.imports;

import dev.debrief.application.port.in.ingest.IngestDealsUseCase;
import dev.debrief.application.port.in.ingest.IngestDealsUseCase.IngestCommand;
import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.application.port.in.ingest.IngestReport;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.imports.ImportFileStore;
import dev.debrief.application.port.out.imports.ImportJobRepository;
import dev.debrief.application.port.out.imports.ImportSettings;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.imports.ImportCounts;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportJob;
import dev.debrief.domain.imports.ImportRejection;
import dev.debrief.domain.shared.DomainException;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactions of a running import, each one call: claim a job, read a chunk of its file, commit a
 * batch (the deals, the rejections and the job's progress together), finish or fail it. A separate bean
 * from {@link RunImportJobsService} so that each call goes through the transaction interceptor.
 */
@ApplicationScoped
@Transactional
public class ImportSteps {

    /** One data row of a batch: read into an item, or refused while reading. */
    record Parsed(int rowNumber, CsvDealRows.Row row, DomainException problem) {
    }

    /** Another runner took the job over (this one's lease expired): stop without touching it. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost(ImportId id) {
            super("The lease of import " + id.value() + " passed to another runner");
        }
    }

    private final ImportJobRepository jobs;
    private final ImportFileStore files;
    private final IngestDealsUseCase ingest;
    private final DealRepository deals;
    private final ImportSettings settings;
    private final Clock clock;

    @Inject
    public ImportSteps(ImportJobRepository jobs, ImportFileStore files, IngestDealsUseCase ingest, DealRepository deals,
                       ImportSettings settings, Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.ingest = ingest;
        this.deals = deals;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<ImportJob> claim(UUID token) {
        Instant now = clock.instant();
        return jobs.claim(now, now.plus(settings.lease()), token);
    }

    public Optional<byte[]> chunk(WorkspaceId workspaceId, ImportId id, int seq) {
        return files.chunk(workspaceId, id, seq);
    }

    /**
     * Ingests the batch's rows as the job's creator, records its rejections and moves the checkpoint to
     * {@code lastRow}, renewing the lease: all in one transaction, so a crash leaves either all of it or
     * none of it.
     *
     * @throws LeaseLost when another runner holds the job now (nothing is written)
     */
    public ImportJob commit(ImportJob job, UUID token, List<Parsed> batch, int lastRow) {
        WorkspaceId ws = job.access().workspaceId();
        if (!jobs.lockLease(ws, job.id(), token)) {
            throw new LeaseLost(job.id());
        }
        List<ImportRejection> rejections = new ArrayList<>();
        List<IngestItem> items = new ArrayList<>();
        List<Integer> itemRows = new ArrayList<>();
        for (Parsed parsed : batch) {
            if (parsed.problem() != null) {
                rejections.add(rejection(parsed.rowNumber(), parsed.problem()));
                continue;
            }
            CsvDealRows.Row row = parsed.row();
            IngestItem item = row.item();
            if (row.generatedReference() && row.dealId() != null) {
                Optional<Deal> named = deals.findById(ws, new DealId(row.dealId()));
                if (named.isPresent()) {
                    ExternalReference reference = named.get().details().externalReference();
                    if (reference == null) {
                        rejections.add(new ImportRejection(row.rowNumber(), "id", "import.deal-without-external-reference",
                                "Deal " + row.dealId() + " was made in Debrief and has no external reference, so this row "
                                        + "can't be matched to it: give the deal an external reference first (PATCH the deal's "
                                        + "externalReference) and put it in the source and external_id columns"));
                        continue;
                    }
                    item = withReference(item, reference);
                }
            }
            items.add(item);
            itemRows.add(row.rowNumber());
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int stale = 0;
        if (!items.isEmpty()) {
            IngestReport report = ingest.ingest(new IngestCommand(job.access(), items, false));
            for (int i = 0; i < items.size(); i++) {
                IngestReport.ItemResult result = report.results().get(i);
                if (result.isRejected()) {
                    rejections.add(rejection(itemRows.get(i), result.problem()));
                    continue;
                }
                switch (result.result()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                    case STALE -> stale++;
                }
            }
        }
        ImportJob progressed = job.progressed(new ImportCounts(batch.size(), created, updated, unchanged, stale,
                rejections.size()), lastRow);
        jobs.addRejections(ws, job.id(), rejections);
        Instant now = clock.instant();
        jobs.save(progressed, now.plus(settings.lease()), now);
        return progressed;
    }

    /** @throws LeaseLost when another runner holds the job now */
    public ImportJob succeed(ImportJob job, UUID token) {
        if (!jobs.lockLease(job.access().workspaceId(), job.id(), token)) {
            throw new LeaseLost(job.id());
        }
        Instant now = clock.instant();
        ImportJob done = job.succeeded(now);
        jobs.save(done, null, now);
        files.delete(job.access().workspaceId(), job.id());
        return done;
    }

    /** Marks the job FAILED with the reason, unless another runner holds it now (then it is theirs to finish). */
    public void fail(ImportJob job, UUID token, String reason) {
        if (!jobs.lockLease(job.access().workspaceId(), job.id(), token)) {
            return;
        }
        Instant now = clock.instant();
        jobs.save(jobs.find(job.access().workspaceId(), job.id()).orElseThrow().failed(reason, now), null, now);
        files.delete(job.access().workspaceId(), job.id());
    }

    private static ImportRejection rejection(int rowNumber, DomainException problem) {
        return new ImportRejection(rowNumber, column(problem.field()), problem.code(), problem.getMessage());
    }

    /** The column of an ingest item's field: {@code ownerEmail} → {@code owner_email}; analysis fields by their column. */
    static String column(String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("lossAnalysis.reasonCodes") || field.startsWith("reasonCodes")) {
            return "primary_reason";
        }
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        String column = switch (last) {
            case "reasonText" -> "partner_reason_text";
            case "competitor" -> field.startsWith("lossAnalysis") ? "loss_competitor" : "competitor";
            case "externalId" -> "external_id";
            default -> last.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        };
        return column.isEmpty() ? null : column;
    }

    private static IngestItem withReference(IngestItem i, ExternalReference reference) {
        return new IngestItem(reference.source(), reference.externalId(), i.occurredAt(), i.name(), i.account(),
                i.ownerEmail(), i.amount(), i.currency(), i.team(), i.stage(), i.segment(), i.persona(), i.leadSource(),
                i.pitchedAt(), i.pitchedTermMonths(), i.competitor(), i.outcome(), i.closedOn(), i.lossAnalysis());
    }
}
