package dev.debrief.application.port.in.deal;

import dev.debrief.domain.workspace.WorkspaceId;

import java.util.function.Consumer;

/** The deals of a workspace, one row at a time, for the CSV export. */
public interface DealExportQueries {

    /**
     * Hands every deal matching {@code filter} to {@code rows}, ordered by creation time then id,
     * in one read-only transaction that lasts until the last row has been handed over. Rows are
     * read as they are consumed: nothing holds them all at once.
     *
     * @throws dev.debrief.domain.shared.NotFound {@code workspace.not-found}
     */
    void export(WorkspaceId workspaceId, DealFilter filter, Consumer<DealExportRow> rows);
}
