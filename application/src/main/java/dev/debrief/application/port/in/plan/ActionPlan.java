package dev.debrief.application.port.in.plan;

import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.followup.FollowUpKind;
import dev.debrief.domain.plan.PlanItem;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A member's plan of dos for one day, kept apart from the record of failures (seed 000): the open
 * follow-ups due that day, the adopted lessons that apply to their open deals, and their own plan
 * items. Each part names only what to do and where: no loss analysis, reason note, partner text,
 * debrief answer or lesson rationale has a field here.
 */
public record ActionPlan(LocalDate date, MemberId memberId, List<DueFollowUp> followUps, boolean moreFollowUps,
                         List<DealDo> dos, boolean moreDos, List<PlanItem> planItems) {

    /** The most follow-ups and dos a plan shows; the flags say when there were more. */
    public static final int MAX_FOLLOW_UPS = 100;
    public static final int MAX_DOS = 100;

    public ActionPlan {
        followUps = List.copyOf(followUps);
        dos = List.copyOf(dos);
        planItems = List.copyOf(planItems);
    }

    /** Which deal a do or a follow-up is for: its id, name and account, nothing else of it. */
    public record DealRef(DealId id, String name, String account) {
    }

    /** An OPEN follow-up due that day, with its own text (a do) and the deal it is on, if any. */
    public record DueFollowUp(UUID id, FollowUpKind kind, String text, LocalDate dueOn, DealRef deal) {
    }

    /** An adopted lesson's statement as a do for one of the member's open deals. */
    public record DealDo(DealRef deal, UUID lessonId, String statement) {
    }
}
