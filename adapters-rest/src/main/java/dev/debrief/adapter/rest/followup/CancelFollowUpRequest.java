package dev.debrief.adapter.rest.followup;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a follow-up is no longer needed. */
@Schema(name = "CancelFollowUpRequest")
public record CancelFollowUpRequest(
        @Size(max = 2000) @Schema(description = "Why it is cancelled", examples = "The account was acquired") String note) {
}
