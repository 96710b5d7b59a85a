package dev.debrief.application.port.out.imports;

import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportJob;
import dev.debrief.domain.imports.ImportRejection;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Import jobs, their leases and their rejected rows. */
public interface ImportJobRepository {

    void create(ImportJob job);

    /** Records the file's final size (the job row exists before its chunks, which refer to it). */
    void setFileBytes(WorkspaceId workspaceId, ImportId id, long fileBytes);

    Optional<ImportJob> find(WorkspaceId workspaceId, ImportId id);

    /** Deletes a job that never ran (its file and rejections with it). */
    void delete(WorkspaceId workspaceId, ImportId id);

    /**
     * Takes one job that is QUEUED, or RUNNING with {@code lease_until <= now}, oldest first, skipping
     * jobs other transactions hold (concurrent runners never take the same one): it becomes RUNNING
     * with lease {@code token} until {@code leaseUntil}.
     *
     * @return the claimed job, RUNNING; empty when none is waiting
     */
    Optional<ImportJob> claim(Instant now, Instant leaseUntil, UUID token);

    /**
     * Locks the job's row until the transaction ends and tells whether {@code token} still holds its
     * lease (another runner may have taken the job over after the lease expired).
     */
    boolean lockLease(WorkspaceId workspaceId, ImportId id, UUID token);

    /** Stores the job's counts and checkpoint (and status, error, finish time) and renews or ends the lease. */
    void save(ImportJob job, Instant leaseUntil, Instant now);

    /** Adds rejected rows; a row already recorded is kept as it is. */
    void addRejections(WorkspaceId workspaceId, ImportId id, List<ImportRejection> rejections);

    List<ImportRejection> rejections(WorkspaceId workspaceId, ImportId id, int afterRow, int limit);
}
