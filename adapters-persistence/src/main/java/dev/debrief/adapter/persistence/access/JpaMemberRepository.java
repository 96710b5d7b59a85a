package dev.debrief.adapter.persistence.access;

import dev.debrief.adapter.persistence.shared.Constraints;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaMemberRepository implements MemberRepository {

    private final MemberPanacheRepository repository;

    @Inject
    JpaMemberRepository(MemberPanacheRepository repository) {
        this.repository = repository;
    }

    @Override
    public Member save(Member member) {
        MemberJpaEntity entity = repository.findById(member.id().value());
        boolean isNew = entity == null;
        if (isNew) {
            entity = new MemberJpaEntity();
            entity.id = member.id().value();
            entity.workspaceId = member.workspaceId().value();
            entity.createdAt = member.createdAt();
        }
        entity.issuer = member.issuer();
        entity.subject = member.subject();
        entity.email = member.email();
        entity.displayName = member.displayName();
        entity.role = member.role().name();
        entity.teamId = member.teamId() == null ? null : member.teamId().value();
        entity.removedAt = member.removedAt();
        if (isNew) {
            repository.persist(entity);
        }
        Constraints.flush(repository.getEntityManager(), Map.of(
                "member_identity_uq", () -> new StateConflict("member.identity-taken",
                        "This person is already a member of the workspace"),
                "member_email_uq", () -> new StateConflict("member.email-taken",
                        "A member of this workspace already has the email " + member.email())));
        return toDomain(entity);
    }

    @Override
    public Optional<Member> findById(WorkspaceId workspaceId, MemberId id) {
        return repository.find("id = ?1 and workspaceId = ?2", id.value(), workspaceId.value())
                .firstResultOptional().map(JpaMemberRepository::toDomain);
    }

    @Override
    public List<Member> findInvitations(String email) {
        return repository.find("email = ?1 and subject is null and removedAt is null order by createdAt",
                email.strip().toLowerCase(java.util.Locale.ROOT)).stream().map(JpaMemberRepository::toDomain).toList();
    }

    @Override
    public List<Member> list(WorkspaceId workspaceId) {
        return repository.find("workspaceId = ?1 and removedAt is null order by lower(displayName), id", workspaceId.value())
                .stream().map(JpaMemberRepository::toDomain).toList();
    }

    @Override
    public long lockAndCountActiveAdmins(WorkspaceId workspaceId) {
        repository.getEntityManager().createNativeQuery("select 1 from workspace where id = :ws for update")
                .setParameter("ws", workspaceId.value()).getResultList();
        return repository.count("workspaceId = ?1 and role = 'ADMIN' and subject is not null and removedAt is null",
                workspaceId.value());
    }

    @Override
    public Optional<Member> findByIdentity(WorkspaceId workspaceId, String issuer, String subject) {
        return repository.find("workspaceId = ?1 and issuer = ?2 and subject = ?3 and removedAt is null", workspaceId.value(), issuer, subject)
                .firstResultOptional().map(JpaMemberRepository::toDomain);
    }

    @Override
    public List<Member> findAllByIdentity(String issuer, String subject) {
        return repository.find("issuer = ?1 and subject = ?2 order by createdAt", issuer, subject)
                .stream().map(JpaMemberRepository::toDomain).toList();
    }

    private static Member toDomain(MemberJpaEntity e) {
        return Member.rehydrate(new MemberId(e.id), new WorkspaceId(e.workspaceId), e.issuer, e.subject, e.email,
                e.displayName, Role.valueOf(e.role), e.teamId == null ? null : new VocabularyEntryId(e.teamId),
                e.createdAt, e.removedAt);
    }
}
