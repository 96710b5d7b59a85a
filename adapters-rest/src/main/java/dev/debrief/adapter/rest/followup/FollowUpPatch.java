package dev.debrief.adapter.rest.followup;

import dev.debrief.application.port.in.followup.FollowUpsUseCase.Revision;
import dev.debrief.domain.access.MemberId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** The fields of an OPEN follow-up people change; the shape a JSON merge patch applies to. */
@Schema(name = "FollowUpPatch")
public record FollowUpPatch(
        @NotBlank @Size(max = 500) @Schema(description = "What to do, phrased as a do", examples = "Call Globex's new CIO") String text,
        @Schema(description = "The member who does it (a REP can't hand it to someone else)") UUID assigneeId,
        @NotNull @Schema(description = "A new due date is not before today in the workspace's calendar", examples = "2026-12-15") LocalDate dueOn) {

    static FollowUpPatch from(Revision r) {
        return new FollowUpPatch(r.text(), r.assigneeId() == null ? null : r.assigneeId().value(), r.dueOn());
    }

    Revision toRevision() {
        return new Revision(text, assigneeId == null ? null : new MemberId(assigneeId), dueOn);
    }
}
