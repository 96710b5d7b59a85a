package dev.debrief.application.port.out.access;

import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

public interface MemberRepository {

    /**
     * Inserts or updates a member. One member per (workspace, issuer, subject) and per (workspace,
     * email), held by unique constraints: a clash is {@link dev.debrief.domain.shared.StateConflict}
     * {@code member.identity-taken} or {@code member.email-taken}.
     */
    Member save(Member member);

    Optional<Member> findById(WorkspaceId workspaceId, MemberId id);

    Optional<Member> findByIdentity(WorkspaceId workspaceId, String issuer, String subject);

    /** Every membership of one person, across workspaces. */
    List<Member> findAllByIdentity(String issuer, String subject);

    /** Open (unbound, not removed) invitations for this email, across workspaces. */
    List<Member> findInvitations(String email);

    /** The workspace's members that are not removed: active ones and open invitations, by name. */
    List<Member> list(WorkspaceId workspaceId);

    /**
     * Takes the workspace's membership lock until the transaction ends (concurrent role changes
     * and removals in one workspace run one after the other) and counts its active admins.
     */
    long lockAndCountActiveAdmins(WorkspaceId workspaceId);
}
