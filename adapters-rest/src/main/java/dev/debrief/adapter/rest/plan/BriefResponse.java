package dev.debrief.adapter.rest.plan;

import dev.debrief.application.port.in.plan.Brief;
import dev.debrief.application.port.in.plan.BriefQueries;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.followup.FollowUpKind;
import dev.debrief.domain.lesson.Lesson;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The brief before a call, built only from {@link Brief}: no field can carry a failure record. */
@Schema(name = "Brief", description = "What to read right before a call on an OPEN deal: the dos that apply and the next follow-up. Never the failure records (loss analyses, reason notes, partner reason texts, debrief answers, lesson rationales).")
public record BriefResponse(
        UUID dealId,
        @Schema(examples = "Acme Corp platform renewal", maxLength = DealDetails.NAME_MAX) String dealName,
        @Schema(examples = "Acme Corp", maxLength = DealDetails.NAME_MAX, nullable = true) String account,
        @Schema(description = "Adopted lessons that apply to the deal, most endorsed first (ties: newest, then id), at most 20",
                maxItems = BriefQueries.MAX_DOS) List<Do> dos,
        @Schema(description = "The deal's OPEN follow-up due first; null when it has none", nullable = true) NextFollowUp nextFollowUp) {

    static BriefResponse from(Brief brief) {
        return new BriefResponse(brief.deal().id().value(), brief.deal().name(), brief.deal().account(),
                brief.dos().stream().map(d -> new Do(d.lessonId(), d.statement())).toList(),
                brief.nextFollowUp() == null ? null : NextFollowUp.from(brief.nextFollowUp()));
    }

    @Schema(name = "BriefDo", description = "An adopted lesson's statement; never its rationale")
    public record Do(UUID lessonId, @Schema(examples = "Send the revised quote the same day", maxLength = Lesson.STATEMENT_MAX) String statement) {
    }

    @Schema(name = "BriefFollowUp")
    public record NextFollowUp(
            UUID id,
            @Schema(examples = "ACTION_ITEM") FollowUpKind kind,
            @Schema(examples = "Send the ROI case to the CFO", maxLength = FollowUp.TEXT_MAX) String text,
            @Schema(examples = "2026-11-24") LocalDate dueOn,
            @Schema(description = "Null when unassigned", nullable = true) UUID assigneeId) {

        static NextFollowUp from(Brief.NextFollowUp f) {
            return new NextFollowUp(f.id(), f.kind(), f.text(), f.dueOn(), f.assigneeId() == null ? null : f.assigneeId().value());
        }
    }
}
