package dev.debrief.adapter.rest.taxonomy;

import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.ReasonCategory;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LossReasonChange", description = "Omitted fields stay as they are. The code never changes.")
public record LossReasonChangeRequest(
        @Size(min = 1, max = 200) @Schema(examples = "No champion inside the account") String name,
        @Schema(examples = "DECISION_MAKER") ReasonCategory category,
        @Schema(examples = "PARTLY") Controllability defaultControllability,
        @Schema(description = "true archives (can't be chosen for new analyses, stays valid on old ones); false restores", examples = "false")
        Boolean archived) {
}
