package dev.debrief.adapter.rest.plan;

import dev.debrief.application.port.in.plan.ActionPlan;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.followup.FollowUpKind;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.plan.PlanItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A member's plan of dos for a day. Built only from {@link ActionPlan}, whose parts have no field for
 * a failure record: analyses, reason notes, partner texts, debrief answers and lesson rationales can't
 * reach this response.
 */
@Schema(name = "ActionPlan", description = "A plan of dos for one day, kept apart from the record of failures: it never shows loss analyses, reason notes, partner reason texts, debrief answers or lesson rationales.")
public record ActionPlanResponse(
        @Schema(examples = "2026-11-24") LocalDate date,
        UUID memberId,
        @Schema(description = "The member's OPEN follow-ups due that day, in the order they were created: the first 100",
                maxItems = ActionPlan.MAX_FOLLOW_UPS) List<FollowUpDo> followUps,
        @Schema(description = "More than 100 follow-ups are due that day: the list of follow-ups has them all", examples = "false")
        boolean moreFollowUps,
        @Schema(description = "For each of the member's OPEN deals, oldest first, up to 5 adopted lessons that apply to it, most endorsed first: the first 100",
                maxItems = ActionPlan.MAX_DOS) List<DealDo> dos,
        @Schema(description = "The member's deals have more than 100 dos: those of their newest deals are left out", examples = "false")
        boolean moreDos,
        @Schema(description = "The member's own dos for that day, in the order they were added (at most 50 a day)",
                maxItems = PlanItem.MAX_PER_DAY) List<PlanItemResponse> planItems) {

    static ActionPlanResponse from(ActionPlan plan) {
        return new ActionPlanResponse(plan.date(), plan.memberId().value(),
                plan.followUps().stream().map(FollowUpDo::from).toList(), plan.moreFollowUps(),
                plan.dos().stream().map(DealDo::from).toList(), plan.moreDos(),
                plan.planItems().stream().map(PlanItemResponse::from).toList());
    }

    @Schema(name = "PlanFollowUp", description = "A follow-up due that day: its own text is the do")
    public record FollowUpDo(
            UUID id,
            @Schema(examples = "CHECK_IN") FollowUpKind kind,
            @Schema(description = "The deal's account; null without a deal or an account", examples = "Acme Corp",
                    maxLength = DealDetails.NAME_MAX, nullable = true) String account,
            @Schema(description = "Null when the follow-up is on no deal", nullable = true) UUID dealId,
            @Schema(description = "Null when the follow-up is on no deal", examples = "Acme Corp platform renewal",
                    maxLength = DealDetails.NAME_MAX, nullable = true) String dealName,
            @Schema(examples = "2026-11-24") LocalDate dueOn,
            @Schema(examples = "Check in with Acme Corp and ask what has changed since the pitch", maxLength = FollowUp.TEXT_MAX) String text) {

        static FollowUpDo from(ActionPlan.DueFollowUp f) {
            return new FollowUpDo(f.id(), f.kind(), f.deal() == null ? null : f.deal().account(),
                    f.deal() == null ? null : f.deal().id().value(), f.deal() == null ? null : f.deal().name(),
                    f.dueOn(), f.text());
        }
    }

    @Schema(name = "PlanDo", description = "An adopted lesson's statement as a do for one open deal; never its rationale")
    public record DealDo(
            UUID dealId,
            @Schema(examples = "Acme Corp platform renewal", maxLength = DealDetails.NAME_MAX) String dealName,
            @Schema(examples = "Acme Corp", maxLength = DealDetails.NAME_MAX, nullable = true) String account,
            UUID lessonId,
            @Schema(examples = "Send the revised quote the same day", maxLength = Lesson.STATEMENT_MAX) String statement) {

        static DealDo from(ActionPlan.DealDo d) {
            return new DealDo(d.deal().id().value(), d.deal().name(), d.deal().account(), d.lessonId(), d.statement());
        }
    }
}
