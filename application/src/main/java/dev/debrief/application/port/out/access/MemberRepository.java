package dev.debrief.application.port.out.access;

import dev.debrief.domain.access.Member;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

public interface MemberRepository {

    /** Inserts or updates a member. One member per (workspace, issuer, subject), held by a unique constraint. */
    Member save(Member member);

    Optional<Member> findByIdentity(WorkspaceId workspaceId, String issuer, String subject);

    /** Every membership of one person, across workspaces. */
    List<Member> findAllByIdentity(String issuer, String subject);
}
