package dev.debrief.adapter.persistence.access;

import dev.debrief.application.port.out.access.ApiKeyRepository;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

    private final ApiKeyPanacheRepository repository;
    private final ApiKeyCache cache;
    private final TransactionSynchronizationRegistry transactions;

    @Inject
    JpaApiKeyRepository(ApiKeyPanacheRepository repository, ApiKeyCache cache,
                        TransactionSynchronizationRegistry transactions) {
        this.repository = repository;
        this.cache = cache;
        this.transactions = transactions;
    }

    @Override
    public ApiKey save(ApiKey key) {
        ApiKeyJpaEntity entity = repository.findById(key.id().value());
        boolean isNew = entity == null;
        if (isNew) {
            entity = new ApiKeyJpaEntity();
            entity.id = key.id().value();
            entity.workspaceId = key.workspaceId().value();
            entity.name = key.name();
            entity.prefix = key.prefix();
            entity.secretHash = key.secretHash();
            entity.scopes = key.scopes().stream().map(Scope::name).sorted().toArray(String[]::new);
            entity.expiresAt = key.expiresAt();
            entity.createdAt = key.createdAt();
        }
        entity.revokedAt = key.revokedAt();
        if (isNew) {
            repository.persist(entity);
        } else {
            forgetWhenDone(key.prefix());
        }
        repository.flush();
        return toDomain(entity);
    }

    /** This instance forgets the key once the change is committed (or not), so it takes effect here at once. */
    private void forgetWhenDone(String prefix) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.forget(prefix);
            }
        });
    }

    @Override
    public Optional<ApiKey> findByPrefix(String prefix) {
        return cache.find(prefix, () -> repository.find("prefix", prefix).firstResultOptional()
                .map(JpaApiKeyRepository::toDomain));
    }

    @Override
    public Optional<ApiKey> findInMemory(String prefix) {
        return cache.peek(prefix);
    }

    @Override
    public Optional<ApiKey> findById(WorkspaceId workspaceId, ApiKeyId id) {
        return repository.find("id = ?1 and workspaceId = ?2", id.value(), workspaceId.value())
                .firstResultOptional().map(JpaApiKeyRepository::toDomain);
    }

    @Override
    public Optional<ApiKey> lockById(WorkspaceId workspaceId, ApiKeyId id) {
        return repository.find("id = ?1 and workspaceId = ?2", id.value(), workspaceId.value())
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().map(JpaApiKeyRepository::toDomain);
    }

    @Override
    public List<ApiKey> list(WorkspaceId workspaceId) {
        return repository.find("workspaceId = ?1 order by createdAt desc, id", workspaceId.value())
                .stream().map(JpaApiKeyRepository::toDomain).toList();
    }

    @Override
    public boolean recordUse(ApiKeyId id, Instant at) {
        cache.usedAt(id, at); // written now or by another instance within the minute: either way, no need to try again
        return repository.update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                at, id.value(), at.minus(ApiKey.LAST_USE_PRECISION)) == 1;
    }

    private static ApiKey toDomain(ApiKeyJpaEntity e) {
        return ApiKey.rehydrate(new ApiKeyId(e.id), new WorkspaceId(e.workspaceId), e.name, e.prefix, e.secretHash,
                Arrays.stream(e.scopes).map(Scope::valueOf).collect(Collectors.toSet()), e.expiresAt, e.revokedAt,
                e.createdAt, e.lastUsedAt);
    }
}
