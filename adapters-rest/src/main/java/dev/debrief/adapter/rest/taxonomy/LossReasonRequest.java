package dev.debrief.adapter.rest.taxonomy;

import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.ReasonCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LossReasonRequest")
public record LossReasonRequest(
        @Size(max = 64) @Schema(description = "Immutable UPPER_SNAKE code; derived from the name when omitted", examples = "NO_CHAMPION") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "No internal champion") String name,
        @NotNull @Schema(examples = "DECISION_MAKER") ReasonCategory category,
        @NotNull @Schema(description = "YES and NO give an analysis its default; PARTLY makes the analyst decide", examples = "YES")
        Controllability defaultControllability) {
}
