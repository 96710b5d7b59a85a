package dev.debrief.adapter.persistence.access;

import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyCacheTest {

    private final AtomicLong clock = new AtomicLong();
    private final ApiKeyCache cache = new ApiKeyCache(clock::get);
    private final AtomicInteger reads = new AtomicInteger();
    private final ApiKey key = ApiKey.issue(new WorkspaceId(UUID.randomUUID()), "CRM", Set.of(Scope.DEALS_READ),
            null, Instant.parse("2026-12-08T00:00:00Z")).key();

    private Optional<ApiKey> find() {
        return cache.find(key.prefix(), () -> {
            reads.incrementAndGet();
            return Optional.of(key);
        });
    }

    @Test
    void keepsAKeyOnlyWhileChangesAreHeard() {
        find();
        find();
        assertThat(reads).as("not hearing: every lookup reads").hasValue(2);

        cache.hearing(true);
        find();
        find();
        assertThat(reads).as("hearing: read once").hasValue(3);

        cache.hearing(false);
        find();
        assertThat(reads).as("a lost connection forgets everything").hasValue(4);
    }

    @Test
    void forgetsAChangedKeyAndServesNoneLongerThanItsMaximumAge() {
        cache.hearing(true);
        find();
        cache.forget(key.prefix());
        find();
        assertThat(reads).hasValue(2);

        clock.addAndGet(ApiKeyCache.MAX_AGE.toNanos() - 1);
        find();
        assertThat(reads).hasValue(2);
        clock.addAndGet(1);
        find();
        assertThat(reads).as("at its maximum age a key is read again").hasValue(3);
    }

    @Test
    void aChangeHeardWhileTheRowWasReadKeepsTheReadRowOut() {
        cache.hearing(true);
        cache.find(key.prefix(), () -> {
            reads.incrementAndGet();
            cache.forget(key.prefix()); // the revocation commits and is heard while this lookup has the old row
            return Optional.of(key);
        });
        find();
        assertThat(reads).as("the row read before the change was not kept").hasValue(2);
    }

    @Test
    void aChangeToAnyKeyMakesEveryKeptKeyReadAgain() {
        cache.hearing(true);
        find();
        cache.forget("otherkey");
        find();
        find();
        assertThat(reads).as("read again once after the change, then kept").hasValue(2);
    }

    @Test
    void neverKeepsAnUnknownPrefix() {
        cache.hearing(true);
        cache.find("unknown1", () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        cache.find("unknown1", () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        assertThat(reads).hasValue(2);
    }

    @Test
    void keepsTheRecordedLastUse() {
        cache.hearing(true);
        Instant used = Instant.parse("2026-12-08T01:00:00Z");
        find();
        cache.usedAt(key.id(), used);
        assertThat(find()).hasValueSatisfying(k -> assertThat(k.lastUsedAt()).isEqualTo(used));
        assertThat(reads).hasValue(1);
    }
}
