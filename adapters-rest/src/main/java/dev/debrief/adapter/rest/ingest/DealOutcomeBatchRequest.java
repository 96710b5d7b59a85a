package dev.debrief.adapter.rest.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The batch's shape, for the contract: the resource reads each item on its own, so a bad one is rejected alone. */
@Schema(name = "DealOutcomeBatch")
public record DealOutcomeBatchRequest(
        @Schema(description = "1 to DEBRIEF_INGEST_MAX_BATCH_ITEMS (default 1,000; maxItems states the default) deal states; several may name one deal",
                required = true, minItems = 1, maxItems = MAX_ITEMS)
        List<DealOutcomeRequest> items) {

    /** The default of {@code DEBRIEF_INGEST_MAX_BATCH_ITEMS}: the contract states the limits at their defaults. */
    static final int MAX_ITEMS = 1000;
    static final String MAX_ITEMS_TEXT = "1000";
    static final String MAX_INDEX = "999";
}
