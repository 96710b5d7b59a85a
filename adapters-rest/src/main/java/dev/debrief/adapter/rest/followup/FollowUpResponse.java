package dev.debrief.adapter.rest.followup;

import dev.debrief.application.port.in.followup.FollowUpQueries.Listed;
import dev.debrief.domain.access.ActorRef;
import dev.debrief.domain.audit.AuditEvent.ActorKind;
import dev.debrief.domain.followup.CheckInOutcome;
import dev.debrief.domain.followup.DueState;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.followup.FollowUpKind;
import dev.debrief.domain.followup.FollowUpStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A follow-up as read: a check-in or an action item, with where its due date stands today. */
@Schema(name = "FollowUp")
public record FollowUpResponse(
        @Schema(examples = "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e") UUID id,
        @Schema(examples = "CHECK_IN") FollowUpKind kind,
        @Schema(description = "What to do, as a do", maxLength = FollowUp.TEXT_MAX, examples = "Check in with Globex and ask what has changed since the pitch") String text,
        @Schema(description = "Who does it; null for a check-in of a deal without a known owner", nullable = true) UUID assigneeId,
        @Schema(examples = "2026-12-02") LocalDate dueOn,
        @Schema(description = "OPEN follow-ups only (null otherwise): OVERDUE (due before today in the workspace's time zone), TODAY or UPCOMING; computed when read",
                examples = "UPCOMING", nullable = true) DueState dueState,
        @Schema(description = "dueState is OVERDUE") boolean overdue,
        @Schema(description = "The deal it is for (always set for a check-in)", nullable = true) UUID dealId,
        @Schema(description = "The lesson it puts into practice", nullable = true) UUID lessonId,
        @Schema(description = "The debrief it came from", nullable = true) UUID debriefId,
        @Schema(examples = "OPEN") FollowUpStatus status,
        @Schema(description = "A DONE check-in's outcome; null otherwise", examples = "REOPENED", nullable = true) CheckInOutcome outcome,
        @Schema(description = "The note it was completed or cancelled with", maxLength = FollowUp.NOTE_MAX, nullable = true) String outcomeNote,
        @Schema(description = "Who completed or cancelled it (SYSTEM: cancelled because its deal was reopened); null while OPEN", nullable = true) Actor resolvedBy,
        @Schema(examples = "2026-12-02T15:30:00Z", nullable = true) Instant resolvedAt,
        @Schema(description = "The win-back deal a REOPENED check-in opened", nullable = true) UUID winBackDealId,
        @Schema(description = "Who made it (SYSTEM for a check-in)") Actor createdBy,
        @Schema(examples = "2026-11-23T09:15:00Z") Instant createdAt,
        @Schema(examples = "2026-11-23T09:15:00Z") Instant updatedAt,
        @Schema(description = "Also the ETag: send it back in If-Match to write", examples = "0", minimum = "0", maximum = "9223372036854775807") long version) {

    @Schema(name = "Actor")
    public record Actor(@Schema(examples = "MEMBER") ActorKind kind, @Schema(description = "The member's or key's id; null for SYSTEM", nullable = true) UUID id) {

        static Actor from(ActorRef ref) {
            return ref == null ? null : new Actor(ref.kind(), ref.id());
        }
    }

    static FollowUpResponse from(Listed listed) {
        FollowUp f = listed.followUp();
        DueState due = listed.dueState();
        return new FollowUpResponse(f.id(), f.kind(), f.text(), f.assigneeId() == null ? null : f.assigneeId().value(),
                f.dueOn(), due, due == DueState.OVERDUE, f.dealId() == null ? null : f.dealId().value(), f.lessonId(),
                f.debriefId(), f.status(), f.outcome(), f.outcomeNote(), Actor.from(f.resolvedBy()), f.resolvedAt(),
                f.winBackDealId() == null ? null : f.winBackDealId().value(), Actor.from(f.createdBy()), f.createdAt(),
                f.updatedAt(), f.version());
    }

    @Schema(name = "FollowUpPage")
    public record Page(@Schema(maxItems = 100) List<FollowUpResponse> items,
                       @Schema(description = "Pass as `cursor` with the same filters for the next page; null on the last page",
                               maxLength = FollowUpResource.CURSOR_MAX_LENGTH, nullable = true)
                       String nextCursor) {
    }
}
