package dev.debrief.adapter.rest.followup;

import dev.debrief.application.port.in.followup.FollowUpsUseCase.ActionItemDraft;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.DealId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A new action item: a do, for a member, by a date, optionally for a deal and from a lesson. */
@Schema(name = "ActionItemRequest")
public record ActionItemRequest(
        @NotBlank @Size(max = 500) @Schema(description = "What to do, phrased as a do: 'Don't…', 'Never…', 'Avoid…' and the like are refused (phrasing.prohibition)",
                examples = "Send Globex the revised security answers") String text,
        @Schema(description = "The member who does it; absent: the caller (a REP can assign only themselves)") UUID assigneeId,
        @NotNull @Schema(description = "Due date in the workspace's calendar; not before today there", examples = "2026-12-01") LocalDate dueOn,
        @Schema(description = "The deal it is for") UUID dealId,
        @Schema(description = "The lesson it puts into practice") UUID lessonId) {

    public ActionItemDraft toDraft() {
        return new ActionItemDraft(text, assigneeId == null ? null : new MemberId(assigneeId), dueOn,
                dealId == null ? null : new DealId(dealId), lessonId);
    }
}
