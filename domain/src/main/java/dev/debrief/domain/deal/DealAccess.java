package dev.debrief.domain.deal;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.shared.Forbidden;

/**
 * Relation rights on deals, on top of {@link Right#WRITE_DEALS}: a REP creates deals they own and
 * writes only their own deals and analyses; they can't create or reassign a deal for someone else.
 * ADMINs and MANAGERs write any deal of the workspace; keys act within their scopes.
 */
public final class DealAccess {

    private DealAccess() {
    }

    /** The owner a new deal gets: a REP who names nobody owns it themselves. */
    public static MemberRef ownerForNewDeal(Access access, MemberRef requested) {
        access.require(Right.WRITE_DEALS);
        MemberId rep = access.rep();
        if (rep == null) {
            return requested;
        }
        if (requested == null) {
            return new MemberRef(rep.value(), null);
        }
        if (!requested.id().equals(rep.value())) {
            throw new Forbidden("A REP creates deals they own; ask a manager to create one for someone else");
        }
        return requested;
    }

    /** Checks that the caller may write this deal at all (before anything else about the request). */
    public static void requireMayWrite(Access access, Deal deal) {
        access.require(Right.WRITE_DEALS);
        MemberId rep = access.rep();
        MemberRef owner = deal.details().owner();
        if (rep != null && (owner == null || !owner.id().equals(rep.value()))) {
            throw new Forbidden("A REP writes only their own deals; this one is owned by someone else");
        }
    }

    /** Checks that the caller may give the deal {@code newOwner}: a REP can't reassign their deal. */
    public static void requireMayAssign(Access access, MemberRef newOwner) {
        MemberId rep = access.rep();
        if (rep != null && (newOwner == null || !newOwner.id().equals(rep.value()))) {
            throw new Forbidden("A REP can't reassign a deal; ask a manager");
        }
    }

}
