package dev.debrief.application.port.out.access;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ApiKeyRepository} does about a key's last use; the fake and the PostgreSQL adapter both extend it. */
public abstract class ApiKeyRepositoryContract extends RepositoryContract {

    protected abstract ApiKeyRepository keys();

    private ApiKey newKey() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = ApiKey.issue(workspace, "Contract key", Set.of(Scope.DEALS_READ), null, EPOCH).key();
        inTransaction(() -> keys().save(key));
        return key;
    }

    private Instant lastUsedAt(ApiKey key) {
        return inTransaction(() -> keys().findById(key.workspaceId(), key.id())).orElseThrow().lastUsedAt();
    }

    @Test
    void aNewKeyWasNeverUsed() {
        assertThat(lastUsedAt(newKey())).isNull();
    }

    @Test
    void recordsTheFirstUse() {
        ApiKey key = newKey();

        assertThat(inTransaction(() -> keys().recordUse(key.id(), EPOCH.plusSeconds(10)))).isTrue();

        assertThat(lastUsedAt(key)).isEqualTo(EPOCH.plusSeconds(10));
    }

    @Test
    void keepsTheRecordedUseForAMinute() {
        ApiKey key = newKey();
        inTransaction(() -> keys().recordUse(key.id(), EPOCH));

        assertThat(inTransaction(() -> keys().recordUse(key.id(), EPOCH.plusSeconds(59)))).isFalse();
        assertThat(inTransaction(() -> keys().recordUse(key.id(), EPOCH.plusSeconds(60)))).isFalse();

        assertThat(lastUsedAt(key)).isEqualTo(EPOCH);
    }

    @Test
    void recordsAUseMoreThanAMinuteLater() {
        ApiKey key = newKey();
        inTransaction(() -> keys().recordUse(key.id(), EPOCH));

        assertThat(inTransaction(() -> keys().recordUse(key.id(), EPOCH.plusSeconds(61)))).isTrue();

        assertThat(lastUsedAt(key)).isEqualTo(EPOCH.plusSeconds(61));
    }

    @Test
    void aSaveKeepsTheRecordedUse() {
        ApiKey key = newKey();
        inTransaction(() -> keys().recordUse(key.id(), EPOCH));

        inTransaction(() -> {
            ApiKey loaded = keys().findById(key.workspaceId(), key.id()).orElseThrow();
            loaded.revoke(EPOCH.plusSeconds(5));
            return keys().save(loaded);
        });

        assertThat(lastUsedAt(key)).isEqualTo(EPOCH);
    }
}
