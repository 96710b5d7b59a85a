package dev.debrief.application.fake;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Members in a map; one member per (workspace, issuer, subject), like the unique constraint. */
public class InMemoryMemberRepository implements MemberRepository {

    private final Map<MemberId, Member> members = new LinkedHashMap<>();

    @Override
    public synchronized Member save(Member member) {
        boolean taken = members.values().stream().anyMatch(m -> !m.id().equals(member.id())
                && m.workspaceId().equals(member.workspaceId())
                && Objects.equals(m.issuer(), member.issuer()) && Objects.equals(m.subject(), member.subject()));
        if (taken) {
            throw new StateConflict("member.identity-taken", "This person is already a member of the workspace");
        }
        members.put(member.id(), member);
        return member;
    }

    @Override
    public synchronized Optional<Member> findByIdentity(WorkspaceId workspaceId, String issuer, String subject) {
        return members.values().stream().filter(m -> m.workspaceId().equals(workspaceId)
                && Objects.equals(m.issuer(), issuer) && Objects.equals(m.subject(), subject)).findFirst();
    }

    @Override
    public synchronized List<Member> findAllByIdentity(String issuer, String subject) {
        return members.values().stream()
                .filter(m -> Objects.equals(m.issuer(), issuer) && Objects.equals(m.subject(), subject)).toList();
    }
}
