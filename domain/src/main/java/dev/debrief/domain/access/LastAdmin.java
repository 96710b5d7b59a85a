package dev.debrief.domain.access;

import dev.debrief.domain.shared.StateConflict;

/** A workspace always keeps at least one active ADMIN: the last one can't be demoted or removed. */
public final class LastAdmin {

    private LastAdmin() {
    }

    /**
     * @param activeAdmins the workspace's active admins, counted under the membership lock
     * @param member the member about to lose the ADMIN role (or be removed)
     */
    public static void protect(long activeAdmins, Member member) {
        if (member.active() && member.role() == Role.ADMIN && activeAdmins <= 1) {
            throw new StateConflict("member.last-admin",
                    "This is the workspace's last admin: make someone else ADMIN first");
        }
    }
}
