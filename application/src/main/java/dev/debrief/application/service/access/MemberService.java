package dev.debrief.application.service.access;

import dev.debrief.application.port.in.access.MembersUseCase;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.audit.Changes;
import dev.debrief.domain.access.LastAdmin;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

@ApplicationScoped
@Transactional
public class MemberService implements MembersUseCase {

    private final MemberRepository members;
    private final VocabularyRepository vocabulary;
    private final Auditor audit;
    private final Clock clock;

    private static final String MEMBER = "member";

    @Inject
    public MemberService(MemberRepository members, VocabularyRepository vocabulary, Auditor audit, Clock clock) {
        this.members = members;
        this.vocabulary = vocabulary;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Member invite(Access access, String email, String displayName, Role role, VocabularyEntryId teamId) {
        access.require(Right.ADMINISTER);
        members.lockAndCountActiveAdmins(access.workspaceId());
        Member.requireRoom(members.list(access.workspaceId()).size());
        checkTeam(access, teamId, null);
        Member member = members.save(Member.invite(access.workspaceId(), email, displayName, role, teamId, clock.instant()));
        audit.record(access, MEMBER, member.id().value(), "invite", member.teamId() == null
                ? List.of("email", "displayName", "role") : List.of("email", "displayName", "role", "teamId"));
        return member;
    }

    @Override
    public Member change(Access access, MemberId id, Role role, String displayName, VocabularyEntryId teamId,
                         boolean leavesTeam) {
        access.require(Right.ADMINISTER);
        long admins = members.lockAndCountActiveAdmins(access.workspaceId());
        Member member = find(access, id);
        if (role != null && role != Role.ADMIN) {
            LastAdmin.protect(admins, member);
        }
        checkTeam(access, teamId, member.teamId());
        Role oldRole = member.role();
        String oldName = member.displayName();
        VocabularyEntryId oldTeam = member.teamId();
        member.change(role, displayName, teamId);
        if (leavesTeam) {
            member.leaveTeam();
        }
        Member saved = members.save(member);
        audit.record(access, MEMBER, saved.id().value(), "change", Changes.of().field("role", oldRole, saved.role())
                .field("displayName", oldName, saved.displayName()).field("teamId", oldTeam, saved.teamId()).changed());
        return saved;
    }

    @Override
    public void remove(Access access, MemberId id) {
        access.require(Right.ADMINISTER);
        long admins = members.lockAndCountActiveAdmins(access.workspaceId());
        Member member = find(access, id);
        LastAdmin.protect(admins, member);
        member.remove(clock.instant());
        members.save(member);
        audit.record(access, MEMBER, member.id().value(), "remove", List.of("removedAt"));
    }

    @Override
    public List<Member> list(Access access) {
        access.require(Right.READ);
        return members.list(access.workspaceId());
    }

    private Member find(Access access, MemberId id) {
        return members.findById(access.workspaceId(), id).filter(m -> m.removedAt() == null)
                .orElseThrow(() -> new NotFound("member.not-found", "There is no member " + id + " in this workspace"));
    }

    private void checkTeam(Access access, VocabularyEntryId teamId, VocabularyEntryId current) {
        if (teamId == null) {
            return;
        }
        vocabulary.findById(access.workspaceId(), teamId)
                .orElseThrow(() -> new ReferenceNotFound("Team", teamId, "teamId"))
                .requireAssignable(VocabularyKind.TEAM, teamId.equals(current), "teamId");
    }
}
