package dev.debrief.application.service.imports;

import dev.debrief.application.port.in.imports.ImportQueries;
import dev.debrief.application.port.out.imports.ImportJobRepository;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportJob;
import dev.debrief.domain.imports.ImportRejection;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

@ApplicationScoped
@Transactional
public class ImportQueryService implements ImportQueries {

    private final ImportJobRepository jobs;

    @Inject
    public ImportQueryService(ImportJobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public ImportJob get(WorkspaceId workspaceId, ImportId id) {
        return jobs.find(workspaceId, id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<ImportRejection> rejections(WorkspaceId workspaceId, ImportId id, int afterRow, int limit) {
        get(workspaceId, id);
        return jobs.rejections(workspaceId, id, afterRow, limit);
    }

    private static NotFound notFound(ImportId id) {
        return new NotFound("import.not-found", "No import " + id.value() + " in this workspace");
    }
}
