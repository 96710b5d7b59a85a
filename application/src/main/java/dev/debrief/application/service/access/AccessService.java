package dev.debrief.application.service.access;

import dev.debrief.application.port.in.access.AuthenticateApiKeyUseCase;
import dev.debrief.application.port.in.access.MeQueries;
import dev.debrief.application.port.in.access.ResolveAccessUseCase;
import dev.debrief.application.port.out.access.ApiKeyRepository;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Transactional per method, not per class: {@link #authenticateInMemory} runs on the I/O thread, where a JTA
 * transaction may not start (and it needs none).
 */
@ApplicationScoped
public class AccessService implements ResolveAccessUseCase, AuthenticateApiKeyUseCase, MeQueries {

    private final WorkspaceRepository workspaces;
    private final MemberRepository members;
    private final ApiKeyRepository keys;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public AccessService(WorkspaceRepository workspaces, MemberRepository members, ApiKeyRepository keys,
                         Auditor audit, Clock clock) {
        this.workspaces = workspaces;
        this.members = members;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Access resolve(Principal principal, WorkspaceId workspaceId) {
        if (principal instanceof Principal.KeyHolder key) {
            if (key.workspaceId().equals(workspaceId)) {
                return new Access(workspaceId, new Access.KeyActor(key.keyId(), key.scopes()));
            }
        } else if (principal instanceof Principal.Person person) {
            Optional<Member> member = members.findByIdentity(workspaceId, person.issuer(), person.subject())
                    .or(() -> claimInvitation(person, workspaceId));
            if (member.isPresent() && member.get().active()) {
                return new Access(workspaceId, new Access.MemberActor(member.get().id(), member.get().role()));
            }
        }
        throw new NotFound("workspace.not-found", "Workspace " + workspaceId + " does not exist");
    }

    /**
     * A person's first request with a verified email binds an open invitation of that workspace to
     * them. It takes the workspace's membership lock and reads the invitation again under it, so an
     * admin's concurrent removal or role change is never overwritten by the binding.
     */
    private Optional<Member> claimInvitation(Principal.Person person, WorkspaceId workspaceId) {
        if (!person.emailVerified() || person.email() == null) {
            return Optional.empty();
        }
        return members.findInvitations(person.email()).stream()
                .filter(m -> m.workspaceId().equals(workspaceId) && m.invites(person)).findFirst()
                .flatMap(invitation -> bind(person, invitation));
    }

    private Optional<Member> bind(Principal.Person person, Member invitation) {
        WorkspaceId workspaceId = invitation.workspaceId();
        members.lockAndCountActiveAdmins(workspaceId);
        return members.findById(workspaceId, invitation.id()).filter(m -> m.invites(person)).map(open -> {
            open.bind(person);
            Member bound = members.save(open);
            Access self = new Access(workspaceId, new Access.MemberActor(bound.id(), bound.role()));
            audit.record(self, "member", bound.id().value(), "accept", List.of("issuer", "subject"));
            return bound;
        });
    }

    @Override
    @Transactional
    public Optional<Principal.KeyHolder> authenticate(String secret) {
        String prefix = ApiKey.prefixOf(secret);
        if (prefix == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiKey> accepted = keys.findByPrefix(prefix).filter(key -> key.accepts(secret, now));
        accepted.filter(key -> key.useWorthRecording(now)).ifPresent(key -> keys.recordUse(key.id(), now));
        return accepted.map(ApiKey::holder);
    }

    @Override
    public Optional<Principal.KeyHolder> authenticateInMemory(String secret) {
        String prefix = ApiKey.prefixOf(secret);
        if (prefix == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return keys.findInMemory(prefix).filter(key -> key.accepts(secret, now) && !key.useWorthRecording(now))
                .map(ApiKey::holder);
    }

    @Override
    @Transactional
    public Memberships memberships(Principal.Person person) {
        if (person.emailVerified() && person.email() != null) {
            members.findInvitations(person.email()).stream()
                    .filter(invitation -> invitation.invites(person)
                            && members.findByIdentity(invitation.workspaceId(), person.issuer(), person.subject()).isEmpty())
                    .forEach(invitation -> bind(person, invitation));
        }
        List<Member> active = members.findAllByIdentity(person.issuer(), person.subject()).stream()
                .filter(Member::active)
                .sorted(java.util.Comparator.comparing(Member::createdAt).thenComparing(m -> m.id().value()).reversed())
                .toList();
        List<Membership> newest = active.stream().limit(MAX_LISTED)
                .flatMap(m -> workspaces.findById(m.workspaceId()).map(w -> new Membership(w, m)).stream())
                .toList();
        return new Memberships(newest, active.size() > MAX_LISTED);
    }
}
