package dev.debrief.application.port.in.deal;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.workspace.WorkspaceId;

public interface CreateDealUseCase {

    Deal create(WorkspaceId workspaceId, DealDetails details);
}
