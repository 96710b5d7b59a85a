package dev.debrief.application.fake;

import dev.debrief.application.port.out.imports.ImportJobRepository;
import dev.debrief.domain.imports.ImportCounts;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportJob;
import dev.debrief.domain.imports.ImportRejection;
import dev.debrief.domain.imports.ImportStatus;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Import jobs in memory. Every method is synchronized, which stands in for PostgreSQL's row locks: two
 * claims never take the same job. Deleting a job deletes its file in the fake file store it was given.
 */
public class InMemoryImportJobRepository implements ImportJobRepository {

    private static final class Row {
        ImportJob job;
        UUID token;
        Instant leaseUntil;
        final TreeMap<Integer, ImportRejection> rejections = new TreeMap<>();
    }

    private final InMemoryImportFileStore files;
    private final Map<ImportId, Row> rows = new LinkedHashMap<>();

    public InMemoryImportJobRepository(InMemoryImportFileStore files) {
        this.files = files;
    }

    @Override
    public synchronized void create(ImportJob job) {
        Row row = new Row();
        row.job = job;
        if (rows.putIfAbsent(job.id(), row) != null) {
            throw new IllegalStateException("import " + job.id() + " exists");
        }
    }

    @Override
    public synchronized void setFileBytes(WorkspaceId workspaceId, ImportId id, long fileBytes) {
        mine(workspaceId, id).ifPresent(row -> row.job = ImportJob.rehydrate(row.job.id(), row.job.access(),
                row.job.fileName(), fileBytes, row.job.status(), row.job.counts(), row.job.checkpointRow(), row.job.error(),
                row.job.createdAt(), row.job.startedAt(), row.job.finishedAt()));
    }

    @Override
    public synchronized Optional<ImportJob> find(WorkspaceId workspaceId, ImportId id) {
        return mine(workspaceId, id).map(row -> row.job);
    }

    @Override
    public synchronized void delete(WorkspaceId workspaceId, ImportId id) {
        if (mine(workspaceId, id).isPresent()) {
            rows.remove(id);
            files.delete(workspaceId, id);
        }
    }

    @Override
    public synchronized Optional<ImportJob> claim(Instant now, Instant leaseUntil, UUID token) {
        Optional<Row> next = rows.values().stream()
                .filter(r -> r.job.status() == ImportStatus.QUEUED
                        || r.job.status() == ImportStatus.RUNNING && !r.leaseUntil.isAfter(now))
                .min(Comparator.comparing((Row r) -> r.job.createdAt()).thenComparing(r -> r.job.id().value()));
        next.ifPresent(row -> {
            ImportJob j = row.job;
            row.job = ImportJob.rehydrate(j.id(), j.access(), j.fileName(), j.fileBytes(), ImportStatus.RUNNING, j.counts(),
                    j.checkpointRow(), null, j.createdAt(), j.startedAt() == null ? now : j.startedAt(), null);
            row.token = token;
            row.leaseUntil = leaseUntil;
        });
        return next.map(row -> row.job);
    }

    @Override
    public synchronized boolean lockLease(WorkspaceId workspaceId, ImportId id, UUID token) {
        return mine(workspaceId, id).filter(r -> r.job.status() == ImportStatus.RUNNING && token.equals(r.token)).isPresent();
    }

    @Override
    public synchronized void save(ImportJob job, Instant leaseUntil, Instant now) {
        mine(job.access().workspaceId(), job.id()).ifPresent(row -> {
            row.job = job;
            row.leaseUntil = leaseUntil;
            if (leaseUntil == null) {
                row.token = null;
            }
        });
    }

    @Override
    public synchronized void addRejections(WorkspaceId workspaceId, ImportId id, List<ImportRejection> rejections) {
        Row row = mine(workspaceId, id).orElseThrow(() -> new IllegalStateException("no import " + id));
        rejections.forEach(r -> row.rejections.putIfAbsent(r.rowNumber(), r));
    }

    @Override
    public synchronized List<ImportRejection> rejections(WorkspaceId workspaceId, ImportId id, int afterRow, int limit) {
        return mine(workspaceId, id).map(row -> new ArrayList<>(row.rejections.tailMap(afterRow, false).values())
                .subList(0, Math.min(limit, row.rejections.tailMap(afterRow, false).size()))).map(List::copyOf)
                .orElse(List.of());
    }

    private Optional<Row> mine(WorkspaceId workspaceId, ImportId id) {
        return Optional.ofNullable(rows.get(id)).filter(r -> r.job.access().workspaceId().equals(workspaceId));
    }

    /** Counts as a test sees them (unused in production code). */
    public synchronized ImportCounts counts(ImportId id) {
        return rows.get(id).job.counts();
    }
}
