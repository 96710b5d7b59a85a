package dev.debrief.adapter.rest.followup;

import dev.debrief.domain.followup.CheckInOutcome;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a follow-up ended. */
@Schema(name = "CompleteFollowUpRequest")
public record CompleteFollowUpRequest(
        @Schema(description = "Required for a check-in, absent for an action item. REOPENED opens a win-back deal linked to the lost one",
                examples = "REOPENED") CheckInOutcome outcome,
        @Size(max = 2000) @Schema(description = "What came of it", examples = "New CIO; they are re-evaluating in Q1") String note) {
}
