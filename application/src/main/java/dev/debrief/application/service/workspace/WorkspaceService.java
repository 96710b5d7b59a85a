package dev.debrief.application.service.workspace;

import dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase;
import dev.debrief.application.port.in.workspace.UpdateWorkspaceUseCase;
import dev.debrief.application.port.in.workspace.WorkspaceQueries;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.domain.taxonomy.DefaultTaxonomy;
import dev.debrief.domain.vocabulary.DefaultVocabulary;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;

@ApplicationScoped
@Transactional
public class WorkspaceService implements CreateWorkspaceUseCase, UpdateWorkspaceUseCase, WorkspaceQueries {

    private final WorkspaceRepository workspaces;
    private final VocabularyRepository vocabulary;
    private final LossReasonRepository reasons;
    private final Clock clock;

    @Inject
    public WorkspaceService(WorkspaceRepository workspaces, VocabularyRepository vocabulary,
                            LossReasonRepository reasons, Clock clock) {
        this.workspaces = workspaces;
        this.vocabulary = vocabulary;
        this.reasons = reasons;
        this.clock = clock;
    }

    @Override
    public Workspace create(CreateWorkspaceCommand command) {
        Workspace workspace = workspaces.save(
                Workspace.create(command.name(), command.timeZone(), command.defaultCurrency(), clock.instant()));
        DefaultVocabulary.forNewWorkspace(workspace.id()).forEach(vocabulary::save);
        DefaultTaxonomy.forNewWorkspace(workspace.id()).forEach(reasons::save);
        return workspace;
    }

    @Override
    public Workspace update(UpdateWorkspaceCommand command) {
        Workspace workspace = Workspaces.require(workspaces, command.workspaceId());
        workspace.update(command.name(), command.timeZone(), command.defaultCurrency(), clock.instant());
        return workspaces.save(workspace);
    }

    @Override
    public Workspace get(WorkspaceId workspaceId) {
        return Workspaces.require(workspaces, workspaceId);
    }
}
