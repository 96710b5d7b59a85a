package dev.debrief.application.port.out.imports;

import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Optional;

/** The uploaded files of imports, as numbered chunks (0, 1, 2…), so neither writing nor reading holds a whole file. */
public interface ImportFileStore {

    /** Stores chunk {@code seq} of the job's file; the job must exist. */
    void append(WorkspaceId workspaceId, ImportId importId, int seq, byte[] data);

    /** Chunk {@code seq}, or empty past the last one. */
    Optional<byte[]> chunk(WorkspaceId workspaceId, ImportId importId, int seq);

    /** Deletes the job's file (once the job finished, the file is no longer needed). */
    void delete(WorkspaceId workspaceId, ImportId importId);
}
