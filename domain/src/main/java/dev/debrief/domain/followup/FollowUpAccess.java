package dev.debrief.domain.followup;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.access.Role;

import java.util.Objects;

/**
 * Relation rights on follow-ups, on top of {@link Right#WRITE_FOLLOW_UPS}: a REP writes, completes and
 * cancels only the follow-ups assigned to them and assigns only to themselves; ADMINs and MANAGERs
 * handle anyone's in the workspace; keys act within their scopes.
 */
public final class FollowUpAccess {

    private FollowUpAccess() {
    }

    public static void requireMayWrite(Access access, FollowUp followUp) {
        access.require(Right.WRITE_FOLLOW_UPS);
        MemberId rep = repOf(access);
        if (rep != null && !rep.equals(followUp.assigneeId())) {
            throw new Forbidden("A REP handles only the follow-ups assigned to them; this one is someone else's");
        }
    }

    /**
     * The assignee a new or changed follow-up may get: a member who names nobody assigns it to
     * themselves (a key must name someone); a REP assigns only to themselves.
     */
    public static MemberId assignee(Access access, MemberId requested) {
        access.require(Right.WRITE_FOLLOW_UPS);
        MemberId rep = repOf(access);
        if (rep == null) {
            return requested != null || !(access.actor() instanceof Access.MemberActor member) ? requested : member.memberId();
        }
        if (requested != null && !requested.equals(rep)) {
            throw new Forbidden("A REP assigns follow-ups only to themselves; ask a manager to assign someone else");
        }
        return rep;
    }

    /** The member behind the call when it is a REP, else null (managers, admins and keys see everyone's). */
    public static MemberId repOf(Access access) {
        return access.actor() instanceof Access.MemberActor member && member.role() == Role.REP
                ? member.memberId() : null;
    }

    /** A member's own action plan: the member themself, or a manager or admin reading it. */
    public static void requireMayReadPlanOf(Access access, MemberId member) {
        MemberId rep = repOf(access);
        if (rep != null && !Objects.equals(rep, member)) {
            throw new Forbidden("A REP reads only their own action plan");
        }
    }
}
