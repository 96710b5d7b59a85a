package dev.debrief.application.service.idempotency;

import dev.debrief.application.fake.InMemoryIdempotencyStore;
import dev.debrief.application.fake.MutableClock;
import dev.debrief.application.port.in.idempotency.IdempotentRequest;
import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.application.port.out.idempotency.IdempotencyScope;
import dev.debrief.application.port.out.idempotency.StoredResponse;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyServiceTest {

    private static final String FINGERPRINT = "1".repeat(64);
    private static final String OTHER_FINGERPRINT = "2".repeat(64);

    private final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private Duration retention = Duration.ofHours(24);
    private final IdempotencyService service = new IdempotencyService(store, () -> retention, clock);

    private final WorkspaceId workspace = WorkspaceId.newId();
    private final Access alice = new Access(workspace, new Access.MemberActor(MemberId.newId(), Role.REP));
    private final AtomicInteger runs = new AtomicInteger();

    private Supplier<IdempotentResponse> work(String body) {
        return () -> {
            runs.incrementAndGet();
            return IdempotentResponse.of(201, body);
        };
    }

    private IdempotentResponse run(Access access, String key, String fingerprint, Supplier<IdempotentResponse> work) {
        try {
            return service.run(new IdempotentRequest(access, key, fingerprint), work);
        } finally {
            store.endTransaction();
        }
    }

    @Test
    void runsTheWorkOnceAndReplaysItsResponseForTheSameRequest() {
        IdempotentResponse first = run(alice, "key-1", FINGERPRINT, work("{\"n\":1}"));
        clock.advance(Duration.ofHours(23));
        IdempotentResponse again = run(alice, "key-1", FINGERPRINT, work("{\"n\":2}"));

        assertThat(first).isEqualTo(new IdempotentResponse(201, "{\"n\":1}", false));
        assertThat(again).isEqualTo(new IdempotentResponse(201, "{\"n\":1}", true));
        assertThat(runs).hasValue(1);
    }

    @Test
    void rejectsAKeyReusedForADifferentRequestWithoutRunningIt() {
        run(alice, "key-1", FINGERPRINT, work("{}"));

        assertThatThrownBy(() -> run(alice, "key-1", OTHER_FINGERPRINT, work("{}")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("idempotency.key-reused");
                    assertThat(e.field()).isEqualTo("Idempotency-Key");
                });
        assertThat(runs).hasValue(1);
    }

    @Test
    void refusesARequestWhileAnotherWithTheSameKeyIsInFlight() {
        store.lockedByAnotherTransaction(IdempotencyScope.of(alice), "key-1");

        assertThatThrownBy(() -> run(alice, "key-1", FINGERPRINT, work("{}")))
                .isInstanceOfSatisfying(StateConflict.class,
                        e -> assertThat(e.code()).isEqualTo("idempotency.in-flight"));
        assertThat(runs).hasValue(0);
        assertThat(store.size()).isZero();
    }

    @Test
    void storesNothingWhenTheWorkFailsSoARetryRunsItAgain() {
        assertThatThrownBy(() -> run(alice, "key-1", FINGERPRINT, () -> {
            runs.incrementAndGet();
            throw new RuleViolation("deal.some-rule", "refused");
        })).isInstanceOf(RuleViolation.class).hasMessage("refused");
        assertThat(store.size()).isZero();

        IdempotentResponse retry = run(alice, "key-1", FINGERPRINT, work("{\"ok\":true}"));

        assertThat(retry.replayed()).isFalse();
        assertThat(runs).hasValue(2);
    }

    @Test
    void runsTheWorkAgainOnceTheStoredResponseExpired() {
        run(alice, "key-1", FINGERPRINT, work("{\"n\":1}"));
        clock.advance(Duration.ofHours(24));

        IdempotentResponse later = run(alice, "key-1", OTHER_FINGERPRINT, work("{\"n\":2}"));

        assertThat(later).isEqualTo(new IdempotentResponse(201, "{\"n\":2}", false));
        assertThat(runs).hasValue(2);
        assertThat(run(alice, "key-1", OTHER_FINGERPRINT, work("{\"n\":3}")).body()).isEqualTo("{\"n\":2}");
    }

    @Test
    void keepsTheResponseForTheConfiguredRetention() {
        retention = Duration.ofHours(48);
        Instant start = clock.instant();
        run(alice, "key-1", FINGERPRINT, work("{}"));

        StoredResponse stored = store.find(IdempotencyScope.of(alice), "key-1", start).orElseThrow();

        assertThat(stored.createdAt()).isEqualTo(start);
        assertThat(stored.expiresAt()).isEqualTo(start.plus(Duration.ofHours(48)));
        clock.advance(Duration.ofHours(47));
        assertThat(run(alice, "key-1", FINGERPRINT, work("{}")).replayed()).isTrue();
    }

    @Test
    void keysAreScopedToTheCallerSoTwoCallersNeverShareAResponse() {
        Access bob = new Access(workspace, new Access.MemberActor(MemberId.newId(), Role.REP));
        Access key = new Access(workspace, new Access.KeyActor(
                new ApiKeyId(((Access.MemberActor) alice.actor()).memberId().value()), Set.of(Scope.DEALS_WRITE)));
        Access aliceElsewhere = new Access(WorkspaceId.newId(), alice.actor());

        IdempotentResponse a = run(alice, "same-key", FINGERPRINT, work("{\"who\":\"alice\"}"));
        IdempotentResponse b = run(bob, "same-key", OTHER_FINGERPRINT, work("{\"who\":\"bob\"}"));
        IdempotentResponse k = run(key, "same-key", FINGERPRINT, work("{\"who\":\"key\"}"));
        IdempotentResponse e = run(aliceElsewhere, "same-key", FINGERPRINT, work("{\"who\":\"elsewhere\"}"));

        assertThat(runs).hasValue(4);
        assertThat(a.body()).isEqualTo("{\"who\":\"alice\"}");
        assertThat(b.body()).isEqualTo("{\"who\":\"bob\"}");
        assertThat(k.body()).isEqualTo("{\"who\":\"key\"}");
        assertThat(e.body()).isEqualTo("{\"who\":\"elsewhere\"}");
        assertThat(run(alice, "same-key", FINGERPRINT, work("{}")).body()).isEqualTo("{\"who\":\"alice\"}");
    }

    @Test
    void purgeDeletesEveryExpiredResponseChunkByChunkAndKeepsTheRest() {
        IdempotencyScope scope = IdempotencyScope.of(alice);
        Instant now = clock.instant();
        int expired = 2 * IdempotencyService.PURGE_CHUNK + 1;
        for (int i = 0; i < expired; i++) {
            store.save(scope, "old-" + i, new StoredResponse(FINGERPRINT, 201, "{}", now.minusSeconds(100), now));
        }
        store.save(scope, "alive", new StoredResponse(FINGERPRINT, 201, "{}", now, now.plusSeconds(1)));

        assertThat(service.purgeExpired()).isEqualTo(expired);
        assertThat(store.size()).isEqualTo(1);
        assertThat(service.purgeExpired()).isZero();
    }
}
