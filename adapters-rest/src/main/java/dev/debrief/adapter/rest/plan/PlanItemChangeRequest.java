package dev.debrief.adapter.rest.plan;

import dev.debrief.application.port.in.plan.PlanItemsUseCase.PlanItemChange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a merge patch of a plan item may change; omitted fields stay as they are. */
@Schema(name = "PlanItemChange", description = "Omitted fields stay as they are.")
public record PlanItemChangeRequest(
        @NotBlank @Size(max = 500) @Schema(description = "New wording, a do like the first (phrasing.prohibition)",
                examples = "Send Acme the revised quote before nine") String text,
        @NotNull @Schema(description = "true checks the item off, false unchecks it", examples = "true") Boolean done) {

    static PlanItemChangeRequest from(PlanItemChange change) {
        return new PlanItemChangeRequest(change.text(), change.done());
    }

    PlanItemChange toChange() {
        return new PlanItemChange(text, done);
    }
}
