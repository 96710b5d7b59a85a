package dev.debrief.adapter.rest.plan;

import dev.debrief.application.port.in.plan.ActionPlan;
import dev.debrief.domain.followup.FollowUpKind;
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
        @Schema(description = "The member's OPEN follow-ups due that day") List<FollowUpDo> followUps,
        @Schema(description = "For each of the member's OPEN deals, up to 5 adopted lessons that apply to it, most endorsed first") List<DealDo> dos,
        @Schema(description = "The member's own dos for that day, in the order they were added") List<PlanItemResponse> planItems) {

    static ActionPlanResponse from(ActionPlan plan) {
        return new ActionPlanResponse(plan.date(), plan.memberId().value(),
                plan.followUps().stream().map(FollowUpDo::from).toList(),
                plan.dos().stream().map(DealDo::from).toList(),
                plan.planItems().stream().map(PlanItemResponse::from).toList());
    }

    @Schema(name = "PlanFollowUp", description = "A follow-up due that day: its own text is the do")
    public record FollowUpDo(
            UUID id,
            @Schema(examples = "CHECK_IN") FollowUpKind kind,
            @Schema(description = "The deal's account; null without a deal or an account", examples = "Acme Corp") String account,
            @Schema(description = "Null when the follow-up is on no deal") UUID dealId,
            @Schema(examples = "Acme Corp platform renewal") String dealName,
            @Schema(examples = "2026-11-24") LocalDate dueOn,
            @Schema(examples = "Check in with Acme Corp and ask what has changed since the pitch") String text) {

        static FollowUpDo from(ActionPlan.DueFollowUp f) {
            return new FollowUpDo(f.id(), f.kind(), f.deal() == null ? null : f.deal().account(),
                    f.deal() == null ? null : f.deal().id().value(), f.deal() == null ? null : f.deal().name(),
                    f.dueOn(), f.text());
        }
    }

    @Schema(name = "PlanDo", description = "An adopted lesson's statement as a do for one open deal; never its rationale")
    public record DealDo(
            UUID dealId,
            @Schema(examples = "Acme Corp platform renewal") String dealName,
            @Schema(examples = "Acme Corp") String account,
            UUID lessonId,
            @Schema(examples = "Send the revised quote the same day") String statement) {

        static DealDo from(ActionPlan.DealDo d) {
            return new DealDo(d.deal().id().value(), d.deal().name(), d.deal().account(), d.lessonId(), d.statement());
        }
    }
}
