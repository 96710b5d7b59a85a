package dev.debrief.application.service.taxonomy;

import dev.debrief.application.port.in.taxonomy.AddLossReasonUseCase;
import dev.debrief.application.port.in.taxonomy.ChangeLossReasonUseCase;
import dev.debrief.application.port.in.taxonomy.LossReasonQueries;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

@ApplicationScoped
@Transactional
public class LossReasonService implements AddLossReasonUseCase, ChangeLossReasonUseCase, LossReasonQueries {

    private final WorkspaceRepository workspaces;
    private final LossReasonRepository reasons;

    @Inject
    public LossReasonService(WorkspaceRepository workspaces, LossReasonRepository reasons) {
        this.workspaces = workspaces;
        this.reasons = reasons;
    }

    @Override
    public LossReason add(AddLossReasonCommand command) {
        Workspaces.require(workspaces, command.workspaceId());
        return reasons.save(LossReason.create(command.workspaceId(), command.code(), command.name(),
                command.category(), command.defaultControllability()));
    }

    @Override
    public LossReason change(ChangeLossReasonCommand command) {
        Workspaces.require(workspaces, command.workspaceId());
        LossReason reason = reasons.findById(command.workspaceId(), command.reasonId())
                .orElseThrow(() -> new NotFound("loss-reason.not-found",
                        "There is no loss reason " + command.reasonId() + " in this workspace"));
        reason.revise(command.name() != null ? command.name() : reason.name(),
                command.category() != null ? command.category() : reason.category(),
                command.defaultControllability() != null ? command.defaultControllability()
                        : reason.defaultControllability());
        if (Boolean.TRUE.equals(command.archived())) {
            reason.archive();
        } else if (Boolean.FALSE.equals(command.archived())) {
            reason.restore();
        }
        return reasons.save(reason);
    }

    @Override
    public List<LossReason> list(WorkspaceId workspaceId, boolean includeArchived) {
        Workspaces.require(workspaces, workspaceId);
        return reasons.list(workspaceId).stream().filter(r -> includeArchived || !r.archived()).toList();
    }
}
