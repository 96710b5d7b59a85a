package dev.debrief.adapter.rest.plan;

import dev.debrief.domain.plan.PlanItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "PlanItem")
public record PlanItemResponse(
        UUID id,
        @Schema(examples = "2026-11-24") LocalDate date,
        @Schema(examples = "Send Acme the revised quote before ten", maxLength = PlanItem.TEXT_MAX) String text,
        @Schema(description = "Checked off", examples = "false") boolean done,
        @Schema(description = "When it was checked off; null while it is not", nullable = true) Instant doneAt,
        @Schema(examples = "2026-11-23T17:40:00Z") Instant createdAt) {

    static PlanItemResponse from(PlanItem item) {
        return new PlanItemResponse(item.id(), item.date(), item.text(), item.done(), item.doneAt(), item.createdAt());
    }
}
