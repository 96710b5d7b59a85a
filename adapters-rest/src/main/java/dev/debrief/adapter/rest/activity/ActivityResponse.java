package dev.debrief.adapter.rest.activity;

import dev.debrief.adapter.rest.deal.DealRequest;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.activity.ActivityDirection;
import dev.debrief.domain.activity.ActivityType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An activity as read. */
@Schema(name = "Activity")
public record ActivityResponse(
        @Schema(examples = "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e") UUID id,
        UUID dealId,
        @Schema(examples = "CALL") ActivityType type,
        @Schema(examples = "INBOUND") ActivityDirection direction,
        @Schema(examples = "2026-11-20T09:12:00Z") Instant occurredAt,
        @Schema(description = "The member who took part", nullable = true) UUID memberId,
        @Schema(maxLength = Activity.NOTE_MAX, nullable = true, examples = "Asked for the security questionnaire by Friday") String note,
        @Schema(description = "A partner's activity: the partner system and the activity's id there; null for one a person added",
                nullable = true) DealRequest.ExternalRef externalReference,
        @Schema(description = "When Debrief recorded it", examples = "2026-11-20T09:15:00Z") Instant createdAt) {

    static ActivityResponse from(Activity a) {
        return new ActivityResponse(a.id(), a.dealId().value(), a.type(), a.direction(), a.occurredAt(),
                a.memberId() == null ? null : a.memberId().value(), a.note(),
                a.external() == null ? null : new DealRequest.ExternalRef(a.external().source(), a.external().externalId()),
                a.createdAt());
    }

    @Schema(name = "ActivityPage")
    public record Page(@Schema(maxItems = 100) List<ActivityResponse> items,
                       @Schema(description = "Pass as `cursor` for the next page; null on the last page",
                               maxLength = ActivityResource.CURSOR_MAX_LENGTH, nullable = true) String nextCursor) {
    }
}
