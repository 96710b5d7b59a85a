package dev.debrief.adapter.rest.taxonomy;

import dev.debrief.adapter.rest.shared.MergePatch;
import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.ReasonCategory;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON merge patch (RFC 7396) of a loss reason: what is left out stays as it is; nothing can be cleared. */
@Schema(name = "LossReasonPatch", description = "Send only what changes; nothing can be cleared with null. The code never changes.")
public record LossReasonPatch(
        @Size(max = LossReason.NAME_MAX) @Pattern(regexp = MergePatch.NOT_BLANK, message = "must not be blank")
        @Schema(pattern = MergePatch.CONTAINS_NON_BLANK, examples = "No champion inside the account") String name,
        @Schema(examples = "DECISION_MAKER") ReasonCategory category,
        @Schema(examples = "PARTLY") Controllability defaultControllability,
        @Schema(description = "true archives (can't be chosen for new analyses, stays valid on old ones); false restores", examples = "false")
        Boolean archived) {
}
