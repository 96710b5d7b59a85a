package dev.debrief.application.port.in.access;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.Scope;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An admin's management of the workspace's API keys. */
public interface ApiKeysUseCase {

    ApiKey.Issued issue(Access access, String name, Set<Scope> scopes, Instant expiresAt);

    ApiKey revoke(Access access, ApiKeyId id);

    /** The keys that are not revoked (expired ones included), newest first: at most {@link ApiKey#MAX_UNREVOKED}. */
    List<ApiKey> list(Access access);
}
