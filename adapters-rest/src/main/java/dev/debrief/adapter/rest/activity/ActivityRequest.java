package dev.debrief.adapter.rest.activity;

import dev.debrief.application.port.in.activity.ActivitiesUseCase.ActivityDraft;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.activity.ActivityDirection;
import dev.debrief.domain.activity.ActivityType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "ActivityRequest", description = "A call, email, meeting or note on the deal")
public record ActivityRequest(
        @NotNull @Schema(examples = "CALL") ActivityType type,
        @NotNull @Schema(description = "INBOUND: the buyer reached the team; OUTBOUND: the team reached the buyer; INTERNAL: neither",
                examples = "INBOUND") ActivityDirection direction,
        @NotNull @Schema(description = "When it happened; at most five minutes ahead of the service's clock", examples = "2026-11-20T09:12:00Z") Instant occurredAt,
        @Schema(description = "The member of the workspace who took part") UUID memberId,
        @Size(max = Activity.NOTE_MAX) @Schema(description = "A short note", examples = "Asked for the security questionnaire by Friday") String note) {

    ActivityDraft toDraft() {
        return new ActivityDraft(type, direction, occurredAt, memberId == null ? null : new MemberId(memberId), note);
    }
}
