package dev.debrief.bootstrap.idempotency;

import dev.debrief.application.port.in.idempotency.IdempotentRequest;
import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.application.port.in.idempotency.PurgeIdempotencyKeysUseCase;
import dev.debrief.application.port.in.idempotency.RunIdempotentlyUseCase;
import dev.debrief.application.port.out.idempotency.IdempotencySettings;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.Workspace;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RunIdempotentlyUseCase on real PostgreSQL: the work is a write to a probe table in the request's
 * transaction, so "ran once" and "rolled back" are both visible in the database.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class IdempotencyTest {

    static final String FINGERPRINT = "a".repeat(64);
    static final String OTHER_FINGERPRINT = "b".repeat(64);

    @Inject
    RunIdempotentlyUseCase idempotently;

    @Inject
    PurgeIdempotencyKeysUseCase purge;

    @Inject
    IdempotencySettings settings;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    Sql sql;

    private String ws;
    private Access caller;
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void createWorkspaceAndProbe() {
        sql.execute("create table if not exists idempotency_probe (workspace_id uuid not null, note text not null)");
        Workspace workspace = Workspace.create("Idempotency " + UUID.randomUUID(), "Europe/Berlin", "EUR", Instant.now());
        QuarkusTransaction.requiringNew().run(() -> workspaces.save(workspace));
        ws = workspace.id().value().toString();
        caller = new Access(workspace.id(), new Access.MemberActor(MemberId.newId(), Role.REP));
    }

    /** Work that writes one probe row in the current transaction and answers 201 with {@code body}. */
    private Supplier<IdempotentResponse> work(String note) {
        return () -> {
            runs.incrementAndGet();
            sql.execute("insert into idempotency_probe (workspace_id, note) values (?, ?)", ws, note);
            return IdempotentResponse.of(201, "{\"note\":\"" + note + "\"}");
        };
    }

    private IdempotentResponse run(Access access, String key, String fingerprint, Supplier<IdempotentResponse> work) {
        return idempotently.run(new IdempotentRequest(access, key, fingerprint), work);
    }

    private long probes() {
        return sql.count("select count(*) from idempotency_probe where workspace_id = ?", ws);
    }

    private long storedAnswers() {
        return sql.count("select count(*) from idempotency_key where workspace_id = ?", ws);
    }

    @Test
    void replaysTheStoredAnswerAndRunsTheWorkOnce() {
        IdempotentResponse first = run(caller, "key-1", FINGERPRINT, work("first"));
        IdempotentResponse again = run(caller, "key-1", FINGERPRINT, work("second"));

        assertThat(first).isEqualTo(new IdempotentResponse(201, "{\"note\":\"first\"}", false));
        assertThat(again).isEqualTo(new IdempotentResponse(201, "{\"note\":\"first\"}", true));
        assertThat(runs).hasValue(1);
        assertThat(probes()).isEqualTo(1);
        assertThat(storedAnswers()).isEqualTo(1);
    }

    @Test
    void keepsAnswersForTheConfiguredRetentionOf24HoursByDefault() {
        run(caller, "key-1", FINGERPRINT, work("first"));

        assertThat(settings.retention()).isEqualTo(Duration.ofHours(24));
        assertThat(sql.count("""
                select count(*) from idempotency_key where workspace_id = ? and key = 'key-1'
                and expires_at - created_at = interval '24 hours'
                and created_at between now() - interval '1 minute' and now()""", ws)).isEqualTo(1);
    }

    @Test
    void refusesTheKeyForADifferentRequestWithoutRunningIt() {
        run(caller, "key-1", FINGERPRINT, work("first"));

        assertThatThrownBy(() -> run(caller, "key-1", OTHER_FINGERPRINT, work("second")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("idempotency.key-reused");
                    assertThat(e.field()).isEqualTo("Idempotency-Key");
                });
        assertThat(runs).hasValue(1);
        assertThat(probes()).isEqualTo(1);
    }

    @Test
    void workThatFailsRollsBackItsWritesAndStoresNoAnswerSoARetryRunsIt() {
        assertThatThrownBy(() -> run(caller, "key-1", FINGERPRINT, () -> {
            work("doomed").get();
            throw new RuleViolation("deal.some-rule", "refused");
        })).isInstanceOf(RuleViolation.class).hasMessage("refused");
        assertThat(probes()).isZero();
        assertThat(storedAnswers()).isZero();

        IdempotentResponse retry = run(caller, "key-1", FINGERPRINT, work("retried"));

        assertThat(retry.replayed()).isFalse();
        assertThat(runs).hasValue(2);
        assertThat(probes()).isEqualTo(1);
    }

    @Test
    void callersNeverShareKeys() {
        Access otherCaller = new Access(caller.workspaceId(), new Access.MemberActor(MemberId.newId(), Role.REP));

        run(caller, "shared", FINGERPRINT, work("mine"));
        IdempotentResponse theirs = run(otherCaller, "shared", OTHER_FINGERPRINT, work("theirs"));

        assertThat(theirs).isEqualTo(new IdempotentResponse(201, "{\"note\":\"theirs\"}", false));
        assertThat(storedAnswers()).isEqualTo(2);
    }

    @Test
    void aRequestWhoseKeyIsStillInFlightIsRefusedAtOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<IdempotentResponse> first = pool.submit(() -> run(caller, "key-1", FINGERPRINT, () -> {
                IdempotentResponse response = work("slow").get();
                started.countDown();
                await(finish);
                return response;
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            long before = System.nanoTime();
            assertThatThrownBy(() -> run(caller, "key-1", FINGERPRINT, work("impatient")))
                    .isInstanceOfSatisfying(StateConflict.class,
                            e -> assertThat(e.code()).isEqualTo("idempotency.in-flight"));
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
            assertThat(first).isNotDone();

            finish.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).replayed()).isFalse();
            assertThat(run(caller, "key-1", FINGERPRINT, work("after")).replayed()).isTrue();
            assertThat(runs).hasValue(1);
            assertThat(probes()).isEqualTo(1);
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestWhoseConnectionDiedMidWorkLeavesTheKeyFreeForTheRetry() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicLong backend = new AtomicLong();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<IdempotentResponse> crashed = pool.submit(() -> run(caller, "key-1", FINGERPRINT, () -> {
                IdempotentResponse response = work("crashing").get();
                backend.set(sql.count("select pg_backend_pid()"));
                started.countDown();
                await(finish);
                return response;
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            int pid = (int) backend.get();
            assertThat(sql.count("select count(*) from pg_locks where locktype = 'advisory' and granted and pid = ?", pid))
                    .isEqualTo(1);

            assertThat(sql.count("select case when pg_terminate_backend(?, 5000) then 1 else 0 end", pid)).isEqualTo(1);

            IdempotentResponse retry = run(caller, "key-1", FINGERPRINT, work("retried"));
            assertThat(retry).isEqualTo(new IdempotentResponse(201, "{\"note\":\"retried\"}", false));

            finish.countDown();
            assertThatThrownBy(() -> crashed.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(runs).hasValue(2);
            assertThat(sql.count("select count(*) from idempotency_probe where workspace_id = ? and note = 'retried'", ws))
                    .isEqualTo(1);
            assertThat(probes()).isEqualTo(1);
            assertThat(run(caller, "key-1", FINGERPRINT, work("again")).replayed()).isTrue();
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void purgeDeletesExpiredAnswersOnlyAndTheirKeysRunAgain() {
        run(caller, "expired", FINGERPRINT, work("old"));
        run(caller, "alive", FINGERPRINT, work("new"));
        sql.execute("""
                update idempotency_key set created_at = now() - interval '2 days', expires_at = now() - interval '1 day'
                where workspace_id = ? and key = 'expired'""", ws);

        assertThat(purge.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(sql.count("select count(*) from idempotency_key where workspace_id = ? and key = 'alive'", ws)).isEqualTo(1);
        assertThat(storedAnswers()).isEqualTo(1);
        assertThat(run(caller, "expired", FINGERPRINT, work("rerun")).replayed()).isFalse();
        assertThat(run(caller, "alive", FINGERPRINT, work("not-again")).replayed()).isTrue();
        assertThat(runs).hasValue(3);
    }

    @Test
    void anExpiredAnswerNotYetPurgedIsNeverReplayedAndIsOverwritten() {
        run(caller, "key-1", FINGERPRINT, work("old"));
        sql.execute("""
                update idempotency_key set created_at = now() - interval '2 days', expires_at = now() - interval '1 day'
                where workspace_id = ? and key = 'key-1'""", ws);

        IdempotentResponse later = run(caller, "key-1", OTHER_FINGERPRINT, work("new"));

        assertThat(later).isEqualTo(new IdempotentResponse(201, "{\"note\":\"new\"}", false));
        assertThat(sql.count("select count(*) from idempotency_key where workspace_id = ? and key = 'key-1' and fingerprint = ?"
                + " and expires_at > now()", ws, OTHER_FINGERPRINT)).isEqualTo(1);
        assertThat(storedAnswers()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
