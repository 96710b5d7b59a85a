package dev.debrief.application.port.in.taxonomy;

import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.workspace.WorkspaceId;

public interface AddLossReasonUseCase {

    record AddLossReasonCommand(WorkspaceId workspaceId, String code, String name, ReasonCategory category,
                                Controllability defaultControllability) {
    }

    LossReason add(AddLossReasonCommand command);
}
