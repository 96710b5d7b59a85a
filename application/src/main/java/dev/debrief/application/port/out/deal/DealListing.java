package dev.debrief.application.port.out.deal;

import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealQueries;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

/** The read side of deals that only feeds answers: one deal as shown, and the list (keyset pagination, never OFFSET). */
public interface DealListing {

    /** The deal with its win-backs (oldest first), as of one moment: one statement, no transaction needed. */
    Optional<DealQueries.DealView> view(WorkspaceId workspaceId, DealId dealId);

    /**
     * Up to {@code limit} deals matching {@code filter}, in {@code sort} order (nulls last, ties by
     * id in the same direction), strictly after {@code after} when it is not null.
     */
    List<Deal> page(WorkspaceId workspaceId, DealFilter filter, DealSort sort, DealSort.Key after, int limit);
}
