package dev.debrief.application.port.out.access;

import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository {

    ApiKey save(ApiKey key);

    /**
     * The key whose secret starts with this prefix (prefixes are unique). It may come from a cache: a change
     * saved here is seen by the next call once its transaction ends, and one made elsewhere (another instance,
     * SQL by hand) within the bound the README states under "Authentication".
     */
    Optional<ApiKey> findByPrefix(String prefix);

    /**
     * What {@link #findByPrefix} would answer, when that answer is at hand without any I/O (in this instance's
     * memory); empty otherwise, which says nothing about the key. Never blocks: it may run on an I/O thread.
     */
    Optional<ApiKey> findInMemory(String prefix);

    Optional<ApiKey> findById(WorkspaceId workspaceId, ApiKeyId id);

    /** Like {@link #findById} but holds a row lock until the transaction ends (two revokes run in turn). */
    Optional<ApiKey> lockById(WorkspaceId workspaceId, ApiKeyId id);

    /** The workspace's keys, newest first. */
    List<ApiKey> list(WorkspaceId workspaceId);

    /**
     * Records that the key was used at {@code at}, unless its recorded last use is less than
     * {@link ApiKey#LAST_USE_PRECISION} before {@code at}: one write per key and minute, not one per
     * request, and a conditional one, so instances need no coordination. Returns whether it wrote.
     */
    boolean recordUse(ApiKeyId id, Instant at);
}
