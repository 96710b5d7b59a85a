package dev.debrief.application.port.in.deal;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.workspace.WorkspaceId;

public interface ReopenDealUseCase {

    Deal reopen(WorkspaceId workspaceId, DealId dealId, long expectedVersion);
}
