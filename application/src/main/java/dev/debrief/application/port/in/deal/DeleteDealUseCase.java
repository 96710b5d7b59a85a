package dev.debrief.application.port.in.deal;

import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.workspace.WorkspaceId;

public interface DeleteDealUseCase {

    void delete(WorkspaceId workspaceId, DealId dealId, long expectedVersion);
}
