package dev.debrief.application.port.in.access;

import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.workspace.Workspace;

import java.util.List;

public interface MeQueries {

    record Membership(Workspace workspace, Member member) {
    }

    /** The person's workspaces, with their membership in each. */
    List<Membership> memberships(Principal.Person person);
}
