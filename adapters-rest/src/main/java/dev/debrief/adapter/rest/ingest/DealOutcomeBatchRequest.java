package dev.debrief.adapter.rest.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The batch's shape, for the contract: the resource reads each item on its own, so a bad one is rejected alone. */
@Schema(name = "DealOutcomeBatch")
public record DealOutcomeBatchRequest(
        @Schema(description = "1 to the configured maximum (default 1,000) deal states; several may name one deal", required = true)
        List<DealOutcomeRequest> items) {
}
