package dev.debrief.application.service.deal;

import dev.debrief.application.port.in.deal.DealExportQueries;
import dev.debrief.application.port.in.deal.DealExportRow;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.out.deal.DealExportReader;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.function.Consumer;

/**
 * The export's transaction spans the whole stream: the reader keeps a server-side cursor open
 * while the consumer writes each row out, so the caller must consume on this thread.
 */
@ApplicationScoped
@Transactional
public class DealExportService implements DealExportQueries {

    private final WorkspaceRepository workspaces;
    private final DealExportReader reader;

    @Inject
    public DealExportService(WorkspaceRepository workspaces, DealExportReader reader) {
        this.workspaces = workspaces;
        this.reader = reader;
    }

    @Override
    public void export(WorkspaceId workspaceId, DealFilter filter, Consumer<DealExportRow> rows) {
        Workspaces.require(workspaces, workspaceId);
        reader.forEach(workspaceId, filter, rows);
    }
}
