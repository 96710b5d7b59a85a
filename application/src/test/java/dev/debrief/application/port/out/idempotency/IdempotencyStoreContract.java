package dev.debrief.application.port.out.idempotency;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.application.port.out.idempotency.IdempotencyScope.CallerKind;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link IdempotencyStore} does; the in-memory fake and the PostgreSQL adapter both extend it. */
public abstract class IdempotencyStoreContract extends RepositoryContract {

    protected static final String FINGERPRINT = "a".repeat(64);
    protected static final String OTHER_FINGERPRINT = "b".repeat(64);
    private static final Duration DAY = Duration.ofHours(24);

    protected abstract IdempotencyStore store();

    private WorkspaceId workspace;
    private IdempotencyScope member;

    @BeforeEach
    void createWorkspace() {
        workspace = newWorkspace();
        member = new IdempotencyScope(workspace, CallerKind.MEMBER, Ids.newId());
    }

    private static StoredResponse response(String body, Instant createdAt, Duration retention) {
        return new StoredResponse(FINGERPRINT, 201, body, createdAt, createdAt.plus(retention));
    }

    private void save(IdempotencyScope scope, String key, StoredResponse response) {
        inTransaction(() -> store().save(scope, key, response));
    }

    private Optional<StoredResponse> find(IdempotencyScope scope, String key, Instant now) {
        return inTransaction(() -> store().find(scope, key, now));
    }

    private boolean tryLock(IdempotencyScope scope, String key) {
        return inTransaction(() -> store().tryLock(scope, key));
    }

    @Test
    void keepsEveryFieldOfAStoredResponse() {
        StoredResponse stored = new StoredResponse(FINGERPRINT, 207, "{\"results\":[{\"status\":201}]}", EPOCH,
                EPOCH.plus(DAY));

        save(member, "key-1", stored);

        assertThat(find(member, "key-1", EPOCH)).contains(stored);
    }

    @Test
    void keepsAResponseWithoutBody() {
        StoredResponse stored = new StoredResponse(FINGERPRINT, 204, null, EPOCH, EPOCH.plus(DAY));

        save(member, "no-body", stored);

        assertThat(find(member, "no-body", EPOCH)).contains(stored);
    }

    @Test
    void keepsKeysAsTheClientWroteThem() {
        String longest = "k".repeat(254) + "K";
        save(member, longest, response("{\"n\":1}", EPOCH, DAY));
        save(member, "Key-1", response("{\"n\":2}", EPOCH, DAY));

        assertThat(find(member, longest, EPOCH)).map(StoredResponse::body).contains("{\"n\":1}");
        assertThat(find(member, "Key-1", EPOCH)).map(StoredResponse::body).contains("{\"n\":2}");
        assertThat(find(member, "key-1", EPOCH)).isEmpty();
    }

    @Test
    void findsNothingForAKeyNeverUsed() {
        assertThat(find(member, "never-used", EPOCH)).isEmpty();
    }

    @Test
    void findsAResponseUntilItExpires() {
        save(member, "expiring", response("{}", EPOCH, DAY));

        assertThat(find(member, "expiring", EPOCH.plus(DAY).minusSeconds(1))).isPresent();
        assertThat(find(member, "expiring", EPOCH.plus(DAY))).isEmpty();
        assertThat(find(member, "expiring", EPOCH.plus(DAY).plusSeconds(1))).isEmpty();
    }

    @Test
    void keysOfOneCallerNeverMeetAnotherCallersKeys() {
        UUID sameId = Ids.newId();
        IdempotencyScope asMember = new IdempotencyScope(workspace, CallerKind.MEMBER, sameId);
        IdempotencyScope asKey = new IdempotencyScope(workspace, CallerKind.KEY, sameId);
        IdempotencyScope otherMember = new IdempotencyScope(workspace, CallerKind.MEMBER, Ids.newId());
        IdempotencyScope otherWorkspace = new IdempotencyScope(newWorkspace(), CallerKind.MEMBER, sameId);

        save(asMember, "shared-key", response("{\"who\":\"member\"}", EPOCH, DAY));
        save(asKey, "shared-key", response("{\"who\":\"key\"}", EPOCH, DAY));

        assertThat(find(asMember, "shared-key", EPOCH)).map(StoredResponse::body).contains("{\"who\":\"member\"}");
        assertThat(find(asKey, "shared-key", EPOCH)).map(StoredResponse::body).contains("{\"who\":\"key\"}");
        assertThat(find(otherMember, "shared-key", EPOCH)).isEmpty();
        assertThat(find(otherWorkspace, "shared-key", EPOCH)).isEmpty();
    }

    @Test
    void savingOverAnExpiredResponseReplacesIt() {
        save(member, "reused-later", response("{\"first\":true}", EPOCH, DAY));
        Instant later = EPOCH.plus(DAY).plusSeconds(60);
        StoredResponse second = new StoredResponse(OTHER_FINGERPRINT, 200, "{\"first\":false}", later, later.plus(DAY));

        save(member, "reused-later", second);

        assertThat(find(member, "reused-later", later)).contains(second);
    }

    @Test
    void purgeDeletesExpiredResponsesOnlyInChunksOfAtMostTheLimit() {
        save(member, "expired-1", response("{}", EPOCH, Duration.ofHours(1)));
        save(member, "expired-2", response("{}", EPOCH, Duration.ofHours(1)));
        save(member, "expired-3", response("{}", EPOCH, Duration.ofHours(1)));
        save(member, "expires-exactly-now", response("{}", EPOCH, Duration.ofHours(2)));
        save(member, "alive", response("{}", EPOCH, DAY));
        Instant now = EPOCH.plus(Duration.ofHours(2));

        int deleted;
        do {
            deleted = inTransaction(() -> store().purgeExpired(now, 2));
            assertThat(deleted).isBetween(0, 2);
        } while (deleted == 2);

        assertThat(find(member, "alive", now)).isPresent();
        for (String key : new String[] {"expired-1", "expired-2", "expired-3", "expires-exactly-now"}) {
            assertThat(find(member, key, EPOCH)).as(key).isEmpty();
        }
    }

    @Test
    void aLockIsReleasedWhenItsTransactionEnds() {
        assertThat(tryLock(member, "sequential")).isTrue();
        assertThat(tryLock(member, "sequential")).isTrue();
    }

    @Test
    void aLockCanBeTakenAgainInTheSameTransaction() {
        assertThat(inTransaction(() -> store().tryLock(member, "twice") && store().tryLock(member, "twice"))).isTrue();
    }

    @Test
    void aLockHeldByAnotherTransactionIsRefusedWithoutWaitingAndOnlyForItsCallerAndKey() throws Exception {
        IdempotencyScope keyCaller = new IdempotencyScope(workspace, CallerKind.KEY, member.callerId());
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Boolean> holder = other.submit(() -> inTransaction(() -> {
                boolean got = store().tryLock(member, "contested");
                locked.countDown();
                await(release);
                return got;
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(tryLock(member, "contested")).isFalse();
            assertThat(tryLock(member, "another-key")).isTrue();
            assertThat(tryLock(keyCaller, "contested")).isTrue();

            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(tryLock(member, "contested")).isTrue();
        } finally {
            other.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
