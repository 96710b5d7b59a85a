package dev.debrief.domain.plan;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.shared.Forbidden;

/**
 * Who keeps a plan's items: the member themself, whatever their role ({@link Right#PLAN}, relation
 * {@code self}). An ADMIN reads anyone's action plan but writes no one else's dos; a key has no plan.
 */
public final class PlanAccess {

    private PlanAccess() {
    }

    /** A member's action plan is read by the member themself, or by a manager, an admin or a key. */
    public static void requireMayReadPlanOf(Access access, MemberId member) {
        MemberId rep = access.rep();
        if (rep != null && !rep.equals(member)) {
            throw new Forbidden("A REP reads only their own action plan");
        }
    }

    public static void requireOwnPlan(Access access, MemberId member) {
        access.require(Right.PLAN);
        if (!(access.actor() instanceof Access.MemberActor caller) || !caller.memberId().equals(member)) {
            throw new Forbidden("Only the member themself keeps the items of their action plan");
        }
    }
}
