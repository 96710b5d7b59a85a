package dev.debrief.adapter.rest.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A new do of the caller's own plan. */
@Schema(name = "PlanItemRequest")
public record PlanItemRequest(
        @NotNull @Schema(description = "The day it is planned for: today or later in the workspace's time zone (plan-item.date-in-past)",
                examples = "2026-11-24") LocalDate date,
        @NotBlank @Size(max = 500) @Schema(description = "Something to do, phrased as a do: 'Don't…', 'Never…', 'Avoid…' and the like are refused (phrasing.prohibition)",
                examples = "Send Acme the revised quote before ten") String text) {
}
