package dev.debrief.adapter.rest.deal;

import dev.debrief.domain.deal.Outcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "CloseDealRequest")
public record CloseDealRequest(
        @NotNull @Schema(description = "WON, LOST or NO_DECISION", examples = "LOST") Outcome outcome,
        @NotNull @Schema(description = "Not after today in the workspace's time zone", examples = "2026-11-20") LocalDate closedOn,
        @Valid @Schema(description = "Required for LOST; not allowed otherwise") LossAnalysisRequest lossAnalysis) {
}
