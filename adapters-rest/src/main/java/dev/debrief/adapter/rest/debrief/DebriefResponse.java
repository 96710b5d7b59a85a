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
                              @Schema(maxLength = Debrief.ANSWER_MAX, description = "What's the lesson learned?") String lessonLearned,
                              @Schema(maxLength = Debrief.ANSWER_MAX, description = "How will this lesson serve you in winning the next deal?")
                              String howItServesNext,
                              @Schema(nullable = true, maxLength = Debrief.NOTES_MAX) String notes,
                              @Schema(maxItems = Debrief.MAX_PARTICIPANTS, description = "The members who took part") List<UUID> participantIds,
                              @Schema(maxItems = DebriefRequest.MAX_LESSONS, description = "The lessons it proposed") List<UUID> lessonIds,
                              @Schema(examples = "2026-11-21T15:30:00Z") Instant createdAt,
                              @Schema(maxItems = DebriefRequest.MAX_ACTION_ITEMS, description = "The action items it created (follow-ups)")
                              List<UUID> actionItemIds) {

    static DebriefResponse from(Debrief d) {
        return new DebriefResponse(d.id(), d.dealId().value(), d.heldAt(), d.lessonLearned(), d.howItServesNext(),
                d.notes(), d.participants().stream().map(MemberId::value).sorted().toList(), d.lessonIds(), d.createdAt(),
                d.actionItemIds());
    }

    @Schema(name = "DebriefList")
    public record ListResponse(@Schema(maxItems = Debrief.MAX_PER_DEAL, description = "Most recently held first (a deal holds at most 50)")
                               List<DebriefResponse> items) {
    }
}
