package dev.debrief.application.fake;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Members in a map; one member per (workspace, issuer, subject), like the unique constraint. */
public class InMemoryMemberRepository implements MemberRepository {

    private final Map<MemberId, Member> members = new LinkedHashMap<>();

    @Override
    public synchronized Member save(Member member) {
        boolean taken = member.removedAt() == null && members.values().stream().anyMatch(m -> !m.id().equals(member.id())
                && m.workspaceId().equals(member.workspaceId()) && m.removedAt() == null
                && Objects.equals(m.issuer(), member.issuer()) && Objects.equals(m.subject(), member.subject()));
        if (taken && member.subject() != null) {
            throw new StateConflict("member.identity-taken", "This person is already a member of the workspace");
        }
        boolean emailTaken = member.email() != null && member.removedAt() == null && members.values().stream()
                .anyMatch(m -> !m.id().equals(member.id()) && m.workspaceId().equals(member.workspaceId())
                        && m.removedAt() == null && member.email().equals(m.email()));
        if (emailTaken) {
            throw new StateConflict("member.email-taken", "A member of this workspace already has the email " + member.email());
        }
        members.put(member.id(), copy(member));
        return copy(member);
    }

    @Override
    public synchronized Optional<Member> findById(WorkspaceId workspaceId, MemberId id) {
        return Optional.ofNullable(members.get(id)).filter(m -> m.workspaceId().equals(workspaceId)).map(InMemoryMemberRepository::copy);
    }

    @Override
    public synchronized Optional<Member> findByIdentity(WorkspaceId workspaceId, String issuer, String subject) {
        return members.values().stream().filter(m -> m.workspaceId().equals(workspaceId) && subject != null
                && m.removedAt() == null
                && Objects.equals(m.issuer(), issuer) && Objects.equals(m.subject(), subject)).findFirst()
                .map(InMemoryMemberRepository::copy);
    }

    @Override
    public synchronized List<Member> findAllByIdentity(String issuer, String subject) {
        return members.values().stream()
                .filter(m -> subject != null && Objects.equals(m.issuer(), issuer) && Objects.equals(m.subject(), subject))
                .map(InMemoryMemberRepository::copy).toList();
    }

    @Override
    public synchronized List<Member> findInvitations(String email) {
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        return members.values().stream()
                .filter(m -> m.subject() == null && m.removedAt() == null && normalised.equals(m.email()))
                .map(InMemoryMemberRepository::copy).toList();
    }

    @Override
    public synchronized List<Member> list(WorkspaceId workspaceId) {
        return members.values().stream().filter(m -> m.workspaceId().equals(workspaceId) && m.removedAt() == null)
                .sorted(Comparator.comparing((Member m) -> m.displayName().toLowerCase(Locale.ROOT))
                        .thenComparing(m -> m.id().value()))
                .map(InMemoryMemberRepository::copy).toList();
    }

    /** The in-memory store is synchronized, which stands in for the workspace row lock. */
    @Override
    public synchronized long lockAndCountActiveAdmins(WorkspaceId workspaceId) {
        return members.values().stream()
                .filter(m -> m.workspaceId().equals(workspaceId) && m.active() && m.role() == Role.ADMIN).count();
    }

    private static Member copy(Member m) {
        return Member.rehydrate(m.id(), m.workspaceId(), m.issuer(), m.subject(), m.email(), m.displayName(), m.role(),
                m.teamId(), m.createdAt(), m.removedAt());
    }
}
