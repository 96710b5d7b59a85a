package dev.debrief.application.service.access;

import dev.debrief.application.port.in.access.ApiKeysUseCase;
import dev.debrief.application.port.out.access.ApiKeyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.shared.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

@ApplicationScoped
@Transactional
public class ApiKeyService implements ApiKeysUseCase {

    private final ApiKeyRepository keys;
    private final WorkspaceRepository workspaces;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public ApiKeyService(ApiKeyRepository keys, WorkspaceRepository workspaces, Auditor audit, Clock clock) {
        this.keys = keys;
        this.workspaces = workspaces;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ApiKey.Issued issue(Access access, String name, Set<Scope> scopes, Instant expiresAt) {
        access.require(Right.ADMINISTER);
        ApiKey.Issued issued = ApiKey.issue(access.workspaceId(), name, scopes, expiresAt, clock.instant());
        workspaces.lock(access.workspaceId());
        ApiKey.requireRoom(unrevoked(access).size());
        ApiKey saved = keys.save(issued.key());
        audit.record(access, "api-key", saved.id().value(), "create",
                expiresAt == null ? List.of("name", "scopes") : List.of("name", "scopes", "expiresAt"));
        return new ApiKey.Issued(saved, issued.secret());
    }

    @Override
    public ApiKey revoke(Access access, ApiKeyId id) {
        access.require(Right.ADMINISTER);
        ApiKey key = keys.lockById(access.workspaceId(), id)
                .orElseThrow(() -> new NotFound("api-key.not-found", "There is no API key " + id + " in this workspace"));
        key.revoke(clock.instant());
        ApiKey saved = keys.save(key);
        audit.record(access, "api-key", saved.id().value(), "revoke", List.of("revokedAt"));
        return saved;
    }

    @Override
    public List<ApiKey> list(Access access) {
        access.require(Right.ADMINISTER);
        return unrevoked(access);
    }

    private List<ApiKey> unrevoked(Access access) {
        return keys.list(access.workspaceId()).stream().filter(key -> key.revokedAt() == null).toList();
    }
}
