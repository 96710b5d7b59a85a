package dev.debrief.application.port.in.deal;

import dev.debrief.domain.deal.Deal;

import java.util.List;

/** One page of deals and the cursor of the next page (null on the last page). */
public record DealPage(List<Deal> items, String nextCursor) {
}
