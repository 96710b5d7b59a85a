package dev.debrief.adapter.rest.plan;

import dev.debrief.adapter.rest.shared.MergePatch;
import dev.debrief.application.port.in.plan.PlanItemsUseCase.PlanItemChange;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A JSON merge patch (RFC 7396) of a plan item: what is left out stays as it is; nothing can be cleared
 * ({@code null} is 400 body.not-clearable). It is also the shape the patch is applied to.
 */
@Schema(name = "PlanItemPatch", description = "Send only what changes; nothing can be cleared with null.")
public record PlanItemPatch(
        @Size(max = 500) @Pattern(regexp = MergePatch.NOT_BLANK, message = "must not be blank")
        @Schema(description = "New wording, a do like the first (phrasing.prohibition)", pattern = MergePatch.CONTAINS_NON_BLANK,
                examples = "Send Acme the revised quote before nine") String text,
        @Schema(description = "true checks the item off, false unchecks it", examples = "true") Boolean done) {

    static PlanItemPatch from(PlanItemChange change) {
        return new PlanItemPatch(change.text(), change.done());
    }

    PlanItemChange toChange() {
        return new PlanItemChange(text, done);
    }
}
