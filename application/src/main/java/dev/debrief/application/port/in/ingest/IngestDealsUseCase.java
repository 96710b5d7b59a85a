package dev.debrief.application.port.in.ingest;

import dev.debrief.domain.access.Access;

import java.util.List;

/**
 * Partners push the states of their deals: each item creates or updates the deal with its external
 * reference, unless it is older than what Debrief holds. Items are independent: an invalid one is
 * rejected alone.
 */
public interface IngestDealsUseCase {

    IngestReport ingest(IngestCommand command);

    /** {@code updateOnly}: an item whose deal doesn't exist yet is rejected ({@code deal.not-found}) instead of created. */
    record IngestCommand(Access access, List<IngestItem> items, boolean updateOnly) {

        public IngestCommand {
            items = List.copyOf(items);
        }
    }
}
