package dev.debrief.application.port.out.access;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ApiKeyRepository} does; the in-memory fake and the PostgreSQL adapter both extend it. */
public abstract class ApiKeyRepositoryContract extends RepositoryContract {

    protected abstract ApiKeyRepository apiKeys();

    private WorkspaceId workspace;
    private WorkspaceId otherWorkspace;

    @BeforeEach
    void createWorkspaces() {
        workspace = newWorkspace();
        otherWorkspace = newWorkspace();
    }

    private ApiKey.Issued issue(WorkspaceId ws, String name, Set<Scope> scopes, Instant expiresAt, Instant at) {
        ApiKey.Issued issued = ApiKey.issue(ws, name, scopes, expiresAt, at);
        inTransaction(() -> apiKeys().save(issued.key()));
        return issued;
    }

    private ApiKey.Issued issue(WorkspaceId ws, Instant at) {
        return issue(ws, "Key of " + at, Set.of(Scope.DEALS_READ), null, at);
    }

    private Optional<ApiKey> find(WorkspaceId ws, ApiKeyId id) {
        return inTransaction(() -> apiKeys().findById(ws, id));
    }

    @Test
    void keepsEveryFieldOfAKeyIncludingItsSecretHashAndScopes() {
        Instant expiresAt = EPOCH.plus(Duration.ofDays(90));
        ApiKey.Issued issued = ApiKey.issue(workspace, "CRM sync", EnumSet.of(Scope.DEALS_READ, Scope.INSIGHTS_READ),
                expiresAt, EPOCH);

        ApiKey saved = inTransaction(() -> apiKeys().save(issued.key()));

        assertThat(saved).usingRecursiveComparison().isEqualTo(issued.key());
        ApiKey found = find(workspace, issued.key().id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(issued.key());
        assertThat(found.workspaceId()).isEqualTo(workspace);
        assertThat(found.name()).isEqualTo("CRM sync");
        assertThat(found.prefix()).isEqualTo(issued.key().prefix());
        assertThat(found.secretHash()).hasSize(32).isEqualTo(issued.key().secretHash());
        assertThat(found.scopes()).containsExactlyInAnyOrder(Scope.DEALS_READ, Scope.INSIGHTS_READ);
        assertThat(found.expiresAt()).isEqualTo(expiresAt);
        assertThat(found.revokedAt()).isNull();
        assertThat(found.createdAt()).isEqualTo(EPOCH);
        assertThat(found.accepts(issued.secret(), EPOCH)).isTrue();
    }

    @Test
    void keepsAKeyWithEveryScopeAndNoExpiry() {
        ApiKey.Issued issued = issue(workspace, "Everything", EnumSet.allOf(Scope.class), null, EPOCH);

        ApiKey found = find(workspace, issued.key().id()).orElseThrow();

        assertThat(found.scopes()).isEqualTo(EnumSet.allOf(Scope.class));
        assertThat(found.expiresAt()).isNull();
    }

    @Test
    void findsAKeyByItsPrefix() {
        ApiKey.Issued issued = issue(workspace, EPOCH);

        Optional<ApiKey> found = inTransaction(() -> apiKeys().findByPrefix(ApiKey.prefixOf(issued.secret())));

        assertThat(found).get().extracting(ApiKey::id).isEqualTo(issued.key().id());
        assertThat(found.get().accepts(issued.secret(), EPOCH)).isTrue();
    }

    @Test
    void findsInMemoryNothingOrWhatTheDatabaseHoldsAndNothingOnceRevoked() {
        ApiKey.Issued issued = issue(workspace, EPOCH);
        String prefix = issued.key().prefix();
        ApiKey found = inTransaction(() -> apiKeys().findByPrefix(prefix)).orElseThrow();

        apiKeys().findInMemory(prefix).ifPresent(known -> assertThat(known).usingRecursiveComparison().isEqualTo(found));
        assertThat(apiKeys().findInMemory("00000000")).isEmpty();

        inTransaction(() -> {
            ApiKey key = apiKeys().lockById(workspace, issued.key().id()).orElseThrow();
            key.revoke(EPOCH.plus(Duration.ofHours(1)));
            return apiKeys().save(key);
        });
        assertThat(apiKeys().findInMemory(prefix).map(ApiKey::revokedAt))
                .as("after a revocation this instance committed, memory holds nothing or the revoked key")
                .isIn(Optional.empty(), Optional.of(EPOCH.plus(Duration.ofHours(1))));
    }

    @Test
    void findsNoKeyForAnUnknownPrefix() {
        issue(workspace, EPOCH);

        // '0' is not in the prefix alphabet, so no issued key can have this prefix.
        assertThat(inTransaction(() -> apiKeys().findByPrefix("00000000"))).isEmpty();
    }

    @Test
    void findsAKeyByIdOnlyInItsWorkspace() {
        ApiKey.Issued issued = issue(workspace, EPOCH);

        assertThat(find(workspace, issued.key().id())).isPresent();
        assertThat(find(otherWorkspace, issued.key().id())).isEmpty();
        assertThat(find(workspace, ApiKeyId.newId())).isEmpty();
    }

    @Test
    void listsTheWorkspacesKeysNewestFirst() {
        ApiKey middle = issue(workspace, EPOCH.plus(Duration.ofHours(1))).key();
        ApiKey newest = issue(workspace, EPOCH.plus(Duration.ofHours(2))).key();
        ApiKey oldest = issue(workspace, EPOCH).key();
        issue(otherWorkspace, EPOCH.plus(Duration.ofHours(3)));

        assertThat(inTransaction(() -> apiKeys().list(workspace)))
                .extracting(ApiKey::id).containsExactly(newest.id(), middle.id(), oldest.id());
    }

    @Test
    void keepsTheRevocationOnSave() {
        ApiKey.Issued issued = issue(workspace, EPOCH);
        Instant revokedAt = EPOCH.plus(Duration.ofDays(1));

        inTransaction(() -> {
            ApiKey key = apiKeys().findById(workspace, issued.key().id()).orElseThrow();
            key.revoke(revokedAt);
            return apiKeys().save(key);
        });

        ApiKey found = find(workspace, issued.key().id()).orElseThrow();
        assertThat(found.revokedAt()).isEqualTo(revokedAt);
        assertThat(found.accepts(issued.secret(), revokedAt.plusSeconds(1))).isFalse();
        assertThat(inTransaction(() -> apiKeys().findByPrefix(issued.key().prefix())))
                .get().extracting(ApiKey::revokedAt).isEqualTo(revokedAt);
    }

    @Test
    void keepsTheStoredKeyWhenAReturnedOneIsRevokedWithoutASave() {
        ApiKey.Issued issued = issue(workspace, EPOCH);

        find(workspace, issued.key().id()).orElseThrow().revoke(EPOCH.plusSeconds(60));

        assertThat(find(workspace, issued.key().id()).orElseThrow().revokedAt()).isNull();
    }

    // ---- last use (at most one write a minute) ----

    private ApiKey newUsableKey() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = ApiKey.issue(workspace, "Contract key", Set.of(Scope.DEALS_READ), null, EPOCH).key();
        inTransaction(() -> apiKeys().save(key));
        return key;
    }

    private Instant lastUsedAtOf(ApiKey key) {
        return inTransaction(() -> apiKeys().findById(key.workspaceId(), key.id())).orElseThrow().lastUsedAt();
    }

    @Test
    void aNewKeyWasNeverUsed() {
        assertThat(lastUsedAtOf(newUsableKey())).isNull();
    }

    @Test
    void recordsTheFirstUse() {
        ApiKey key = newUsableKey();

        assertThat(inTransaction(() -> apiKeys().recordUse(key.id(), EPOCH.plusSeconds(10)))).isTrue();

        assertThat(lastUsedAtOf(key)).isEqualTo(EPOCH.plusSeconds(10));
    }

    @Test
    void keepsTheRecordedUseForAMinute() {
        ApiKey key = newUsableKey();
        inTransaction(() -> apiKeys().recordUse(key.id(), EPOCH));

        assertThat(inTransaction(() -> apiKeys().recordUse(key.id(), EPOCH.plusSeconds(59)))).isFalse();
        assertThat(inTransaction(() -> apiKeys().recordUse(key.id(), EPOCH.plusSeconds(60)))).isFalse();

        assertThat(lastUsedAtOf(key)).isEqualTo(EPOCH);
    }

    @Test
    void recordsAUseMoreThanAMinuteLater() {
        ApiKey key = newUsableKey();
        inTransaction(() -> apiKeys().recordUse(key.id(), EPOCH));

        assertThat(inTransaction(() -> apiKeys().recordUse(key.id(), EPOCH.plusSeconds(61)))).isTrue();

        assertThat(lastUsedAtOf(key)).isEqualTo(EPOCH.plusSeconds(61));
    }

    @Test
    void aSaveKeepsTheRecordedUse() {
        ApiKey key = newUsableKey();
        inTransaction(() -> apiKeys().recordUse(key.id(), EPOCH));

        inTransaction(() -> {
            ApiKey loaded = apiKeys().findById(key.workspaceId(), key.id()).orElseThrow();
            loaded.revoke(EPOCH.plusSeconds(5));
            return apiKeys().save(loaded);
        });

        assertThat(lastUsedAtOf(key)).isEqualTo(EPOCH);
    }
}
