package dev.debrief.domain.followup;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.shared.Forbidden;

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
        MemberId rep = access.rep();
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
        MemberId rep = access.rep();
        if (rep == null) {
            return requested != null || !(access.actor() instanceof Access.MemberActor member) ? requested : member.memberId();
        }
        if (requested != null && !requested.equals(rep)) {
            throw new Forbidden("A REP assigns follow-ups only to themselves; ask a manager to assign someone else");
        }
        return rep;
    }
}
