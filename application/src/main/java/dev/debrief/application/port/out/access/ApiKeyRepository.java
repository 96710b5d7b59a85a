package dev.debrief.application.port.out.access;

import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    ApiKey save(ApiKey key);

    /** The key whose secret starts with this prefix (prefixes are unique). */
    Optional<ApiKey> findByPrefix(String prefix);

    Optional<ApiKey> findById(WorkspaceId workspaceId, ApiKeyId id);

    /** The workspace's keys, newest first. */
    List<ApiKey> list(WorkspaceId workspaceId);
}
