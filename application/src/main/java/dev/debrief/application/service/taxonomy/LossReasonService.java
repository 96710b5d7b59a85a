package dev.debrief.application.service.taxonomy;

import dev.debrief.application.port.in.taxonomy.AddLossReasonUseCase;
import dev.debrief.application.port.in.taxonomy.ChangeLossReasonUseCase;
import dev.debrief.application.port.in.taxonomy.LossReasonQueries;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.audit.Changes;
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
    private final Auditor audit;

    @Inject
    public LossReasonService(WorkspaceRepository workspaces, LossReasonRepository reasons, Auditor audit) {
        this.workspaces = workspaces;
        this.reasons = reasons;
        this.audit = audit;
    }

    @Override
    public LossReason add(AddLossReasonCommand command) {
        WorkspaceId workspaceId = command.access().require(Right.ADMINISTER).workspaceId();
        Workspaces.require(workspaces, workspaceId);
        workspaces.lock(workspaceId);
        LossReason.requireRoom(reasons.list(workspaceId).size());
        LossReason reason = reasons.save(LossReason.create(workspaceId, command.code(), command.name(),
                command.category(), command.defaultControllability()));
        audit.record(command.access(), "loss-reason", reason.id().value(), "create",
                List.of("code", "name", "category", "defaultControllability"));
        return reason;
    }

    @Override
    public LossReason change(ChangeLossReasonCommand command) {
        WorkspaceId workspaceId = command.access().require(Right.ADMINISTER).workspaceId();
        Workspaces.require(workspaces, workspaceId);
        LossReason reason = reasons.findById(workspaceId, command.reasonId())
                .orElseThrow(() -> new NotFound("loss-reason.not-found",
                        "There is no loss reason " + command.reasonId() + " in this workspace"));
        Changes before = Changes.of();
        String oldName = reason.name();
        var oldCategory = reason.category();
        var oldDefault = reason.defaultControllability();
        boolean wasArchived = reason.archived();
        reason.revise(command.name() != null ? command.name() : reason.name(),
                command.category() != null ? command.category() : reason.category(),
                command.defaultControllability() != null ? command.defaultControllability()
                        : reason.defaultControllability());
        if (Boolean.TRUE.equals(command.archived())) {
            reason.archive();
        } else if (Boolean.FALSE.equals(command.archived())) {
            reason.restore();
        }
        LossReason saved = reasons.save(reason);
        audit.record(command.access(), "loss-reason", saved.id().value(), "change", before
                .field("name", oldName, saved.name()).field("category", oldCategory, saved.category())
                .field("defaultControllability", oldDefault, saved.defaultControllability())
                .field("archived", wasArchived, saved.archived()).changed());
        return saved;
    }

    @Override
    public List<LossReason> list(WorkspaceId workspaceId, boolean includeArchived) {
        Workspaces.require(workspaces, workspaceId);
        return reasons.list(workspaceId).stream().filter(r -> includeArchived || !r.archived()).toList();
    }
}
