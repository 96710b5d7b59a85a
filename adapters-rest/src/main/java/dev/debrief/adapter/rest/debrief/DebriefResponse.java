package dev.debrief.adapter.rest.debrief;

import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.debrief.Debrief;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Debrief")
public record DebriefResponse(UUID id, UUID dealId,
                              @Schema(examples = "2026-11-21T15:00:00Z") Instant heldAt,
                              String lessonLearned, String howItServesNext, String notes,
                              List<UUID> participantIds,
                              @Schema(description = "The lessons it proposed") List<UUID> lessonIds,
                              @Schema(examples = "2026-11-21T15:30:00Z") Instant createdAt,
                              @Schema(description = "The action items it created (follow-ups)") List<UUID> actionItemIds) {

    static DebriefResponse from(Debrief d) {
        return new DebriefResponse(d.id(), d.dealId().value(), d.heldAt(), d.lessonLearned(), d.howItServesNext(),
                d.notes(), d.participants().stream().map(MemberId::value).sorted().toList(), d.lessonIds(), d.createdAt(),
                d.actionItemIds());
    }

    @Schema(name = "DebriefList")
    public record ListResponse(@Schema(description = "Most recently held first") List<DebriefResponse> items) {
    }
}
