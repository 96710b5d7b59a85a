package dev.debrief.application.port.in.taxonomy;

import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;

public interface LossReasonQueries {

    List<LossReason> list(WorkspaceId workspaceId, boolean includeArchived);
}
