package dev.debrief.application.port.out.deal;

import dev.debrief.application.port.in.deal.DealExportRow;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.function.Consumer;

/** Reads export rows in the caller's transaction, streaming: a row is handed on before the next is read. */
public interface DealExportReader {

    /** Every deal of the workspace matching {@code filter}, by created_at then id, each with its current analysis. */
    void forEach(WorkspaceId workspaceId, DealFilter filter, Consumer<DealExportRow> rows);
}
