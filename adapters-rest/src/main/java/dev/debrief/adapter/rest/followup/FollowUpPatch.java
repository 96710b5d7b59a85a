package dev.debrief.adapter.rest.followup;

import dev.debrief.adapter.rest.shared.MergePatch;
import dev.debrief.application.port.in.followup.FollowUpsUseCase.Revision;
import dev.debrief.domain.access.MemberId;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A JSON merge patch (RFC 7396) of an OPEN follow-up: what is left out stays as it is. Nothing here can be
 * cleared ({@code null} is 400 body.not-clearable); it is also the shape the patch is applied to.
 */
@Schema(name = "FollowUpPatch", description = "Send only what changes; nothing can be cleared with null.")
public record FollowUpPatch(
        @Size(max = 500) @Pattern(regexp = MergePatch.NOT_BLANK, message = "must not be blank")
        @Schema(description = "What to do, phrased as a do", pattern = MergePatch.CONTAINS_NON_BLANK, examples = "Call Globex's new CIO") String text,
        @Schema(description = "The member who does it (a REP can't hand it to someone else)") UUID assigneeId,
        @Schema(description = "A new due date is not before today in the workspace's calendar", examples = "2026-12-15") LocalDate dueOn) {

    static FollowUpPatch from(Revision r) {
        return new FollowUpPatch(r.text(), r.assigneeId() == null ? null : r.assigneeId().value(), r.dueOn());
    }

    Revision toRevision() {
        return new Revision(text, assigneeId == null ? null : new MemberId(assigneeId), dueOn);
    }
}
