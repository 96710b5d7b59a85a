package dev.debrief.adapter.rest.debrief;

import dev.debrief.domain.taxonomy.ReasonCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "DebriefRequest")
public record DebriefRequest(
        @Schema(description = "When it was held (default: now); not in the future", examples = "2026-11-21T15:00:00Z") Instant heldAt,
        @NotBlank @Size(max = 5000) @Schema(description = "What's the lesson learned?", examples = "We let the quote sit for three days while the buyer compared offers") String lessonLearned,
        @NotBlank @Size(max = 5000) @Schema(description = "How will this lesson serve you in winning the next deal?", examples = "I send revised quotes the same day, with a call to walk through them") String howItServesNext,
        @Size(max = 20000) @Schema(description = "Anything else worth keeping") String notes,
        @NotEmpty @Size(max = 20) @Schema(description = "The members who took part (the owner, a manager)") List<@NotNull UUID> participantIds,
        @Size(max = MAX_LESSONS) @Schema(description = "Lessons proposed from this debrief, in the same transaction; each cites this deal") List<@Valid @NotNull Lesson> lessons,
        @Size(max = MAX_ACTION_ITEMS) @Schema(description = "Action items created by this debrief, in the same transaction, for this deal") List<@Valid @NotNull ActionItem> actionItems) {

    static final int MAX_LESSONS = 10;
    static final int MAX_ACTION_ITEMS = 20;

    /** An action item a debrief creates: for the debriefed deal, naming the debrief. */
    @Schema(name = "DebriefActionItem")
    public record ActionItem(
            @NotBlank @Size(max = 500) @Schema(description = "What to do, phrased as a do (phrasing.prohibition otherwise)",
                    examples = "Send Globex a same-day revised quote template") String text,
            @Schema(description = "Who does it; absent: the caller") UUID assigneeId,
            @NotNull @Schema(examples = "2026-12-01") java.time.LocalDate dueOn,
            @Schema(description = "An existing lesson it puts into practice") UUID lessonId) {
    }


    /** A lesson proposed by a debrief: like a LessonRequest, the debriefed deal cited without saying so. */
    @Schema(name = "DebriefLesson")
    public record Lesson(
            @NotBlank @Size(max = 500) @Schema(examples = "Send the revised quote the same day") String statement,
            @Size(max = 5000) String rationale,
            @Size(max = 49) @Schema(description = "Other deals it also came from") List<@NotNull UUID> otherDealIds,
            @Size(max = 11) List<@NotNull ReasonCategory> categories,
            @Size(max = 50) List<@NotNull UUID> segmentIds,
            @Size(max = 50) List<@NotNull UUID> stageIds,
            @Size(max = 50) List<@NotNull UUID> personaIds) {
    }
}
