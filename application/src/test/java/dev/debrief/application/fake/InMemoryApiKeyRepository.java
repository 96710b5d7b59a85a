package dev.debrief.application.fake;

import dev.debrief.application.port.out.access.ApiKeyRepository;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API keys in a map, stored as copies so callers can't change the store. */
public class InMemoryApiKeyRepository implements ApiKeyRepository {

    private final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();

    @Override
    public synchronized ApiKey save(ApiKey key) {
        keys.put(key.id(), copy(key));
        return copy(key);
    }

    @Override
    public synchronized Optional<ApiKey> findByPrefix(String prefix) {
        return keys.values().stream().filter(k -> k.prefix().equals(prefix)).findFirst().map(InMemoryApiKeyRepository::copy);
    }

    @Override
    public Optional<ApiKey> findInMemory(String prefix) {
        return findByPrefix(prefix);
    }

    @Override
    public synchronized Optional<ApiKey> findById(WorkspaceId workspaceId, ApiKeyId id) {
        return Optional.ofNullable(keys.get(id)).filter(k -> k.workspaceId().equals(workspaceId))
                .map(InMemoryApiKeyRepository::copy);
    }

    /** The store is synchronized, which stands in for the row lock. */
    @Override
    public synchronized Optional<ApiKey> lockById(WorkspaceId workspaceId, ApiKeyId id) {
        return findById(workspaceId, id);
    }

    @Override
    public synchronized List<ApiKey> list(WorkspaceId workspaceId) {
        return keys.values().stream().filter(k -> k.workspaceId().equals(workspaceId))
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed().thenComparing(k -> k.id().value()))
                .map(InMemoryApiKeyRepository::copy).toList();
    }

    @Override
    public synchronized boolean recordUse(ApiKeyId id, Instant at) {
        ApiKey k = keys.get(id);
        if (k == null || k.lastUsedAt() != null && !k.lastUsedAt().isBefore(at.minus(ApiKey.LAST_USE_PRECISION))) {
            return false;
        }
        keys.put(id, ApiKey.rehydrate(k.id(), k.workspaceId(), k.name(), k.prefix(), k.secretHash(), k.scopes(),
                k.expiresAt(), k.revokedAt(), k.createdAt(), at));
        return true;
    }

    private static ApiKey copy(ApiKey k) {
        return ApiKey.rehydrate(k.id(), k.workspaceId(), k.name(), k.prefix(), k.secretHash(), k.scopes(),
                k.expiresAt(), k.revokedAt(), k.createdAt(), k.lastUsedAt());
    }
}
