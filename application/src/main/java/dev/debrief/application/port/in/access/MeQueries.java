package dev.debrief.application.port.in.access;

import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.workspace.Workspace;

import java.util.List;

public interface MeQueries {

    record Membership(Workspace workspace, Member member) {
    }

    /** The most workspaces {@link #memberships} answers: a person's newest ones. */
    int MAX_LISTED = 100;

    /** The person's newest workspaces, at most {@link #MAX_LISTED}; {@code more} when they have others too. */
    record Memberships(List<Membership> newestFirst, boolean more) {
    }

    /** The person's workspaces, newest membership first, with their membership in each (binding open invitations first). */
    Memberships memberships(Principal.Person person);
}
