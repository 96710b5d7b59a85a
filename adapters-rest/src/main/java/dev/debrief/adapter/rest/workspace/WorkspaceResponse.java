package dev.debrief.adapter.rest.workspace;

import dev.debrief.domain.workspace.Workspace;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Workspace")
public record WorkspaceResponse(
        @Schema(examples = "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e") UUID id,
        @Schema(examples = "Acme Sales EMEA", maxLength = 200) String name,
        @Schema(examples = "Europe/Berlin", maxLength = 64) String timeZone,
        @Schema(examples = "EUR", maxLength = 3) String defaultCurrency,
        @Schema(description = "Check-ins fall due after this share of the pitched term", examples = "0.75", minimum = "0.001",
                maximum = "2") java.math.BigDecimal checkInRatio,
        @Schema(description = "The term assumed for a check-in when none was pitched, in months", examples = "12", minimum = "1",
                maximum = "120") int checkInAssumedTermMonths,
        @Schema(examples = "2026-11-23T09:15:00Z") Instant createdAt,
        @Schema(examples = "2026-11-23T09:15:00Z") Instant updatedAt) {

    static WorkspaceResponse from(Workspace w) {
        return new WorkspaceResponse(w.id().value(), w.name(), w.timeZone().getId(),
                w.defaultCurrency().getCurrencyCode(), w.checkInPolicy().ratio().stripTrailingZeros(),
                w.checkInPolicy().assumedTerm().months(), w.createdAt(), w.updatedAt());
    }
}
