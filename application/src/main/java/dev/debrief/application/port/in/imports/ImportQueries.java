package dev.debrief.application.port.in.imports;

import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportJob;
import dev.debrief.domain.imports.ImportRejection;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;

/** Import jobs of a workspace, and the rows they rejected. */
public interface ImportQueries {

    /** @throws dev.debrief.domain.shared.NotFound {@code import.not-found}, also for another workspace's job */
    ImportJob get(WorkspaceId workspaceId, ImportId id);

    /**
     * Rejected rows after {@code afterRow} in row order, at most {@code limit}.
     *
     * @throws dev.debrief.domain.shared.NotFound {@code import.not-found}
     */
    List<ImportRejection> rejections(WorkspaceId workspaceId, ImportId id, int afterRow, int limit);
}
