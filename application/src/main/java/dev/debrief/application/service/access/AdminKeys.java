package dev.debrief.application.service.access;

import dev.debrief.application.port.out.access.ApiKeyRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The service's own admin keys (the first run's, the admin-key command's, the demo's): scope {@code admin},
 * no expiry, audited as created by nobody. Runs in its caller's transaction.
 */
@ApplicationScoped
public class AdminKeys {

    private final ApiKeyRepository keys;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public AdminKeys(ApiKeyRepository keys, Auditor audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new admin key for the workspace, with its secret (shown once). */
    public ApiKey.Issued issue(WorkspaceId workspaceId, String name) {
        ApiKey.Issued issued = ApiKey.issue(workspaceId, name, Set.of(Scope.ADMIN), null, clock.instant());
        ApiKey key = keys.save(issued.key());
        audit.record(null, workspaceId, "api-key", key.id().value(), "create", List.of("name", "scopes"));
        return new ApiKey.Issued(key, issued.secret());
    }
}
