package dev.debrief.application.port.out.deal;

import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;

/** The read side of the deal list: keyset pagination, never OFFSET. */
public interface DealListing {

    /**
     * Up to {@code limit} deals matching {@code filter}, in {@code sort} order (nulls last, ties by
     * id in the same direction), strictly after {@code after} when it is not null.
     */
    List<Deal> page(WorkspaceId workspaceId, DealFilter filter, DealSort sort, DealSort.Key after, int limit);
}
