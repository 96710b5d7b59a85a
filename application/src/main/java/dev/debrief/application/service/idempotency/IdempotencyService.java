package dev.debrief.application.service.idempotency;

import dev.debrief.application.port.in.idempotency.IdempotentRequest;
import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.application.port.in.idempotency.PurgeIdempotencyKeysUseCase;
import dev.debrief.application.port.in.idempotency.RunIdempotentlyUseCase;
import dev.debrief.application.port.out.idempotency.IdempotencyScope;
import dev.debrief.application.port.out.idempotency.IdempotencySettings;
import dev.debrief.application.port.out.idempotency.IdempotencyStore;
import dev.debrief.application.port.out.idempotency.StoredResponse;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency keys: the lock keeps two requests with one key from running at once, the stored answer
 * keeps a retry from running again. Both live in the transaction of the work itself, so an answer is
 * stored exactly when the work's writes commit, and a crash mid-request leaves neither a lock nor an answer.
 */
@ApplicationScoped
@Transactional
public class IdempotencyService implements RunIdempotentlyUseCase, PurgeIdempotencyKeysUseCase {

    public static final String FIELD = "Idempotency-Key";
    /** Rows per delete statement of the purge: bounded work per statement however large the backlog. */
    static final int PURGE_CHUNK = 5_000;

    private final IdempotencyStore store;
    private final IdempotencySettings settings;
    private final Clock clock;

    @Inject
    public IdempotencyService(IdempotencyStore store, IdempotencySettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public IdempotentResponse run(IdempotentRequest request, Supplier<IdempotentResponse> work) {
        IdempotencyScope scope = IdempotencyScope.of(request.access());
        if (!store.tryLock(scope, request.key())) {
            throw new StateConflict("idempotency.in-flight",
                    "A request with this Idempotency-Key is still being processed; retry it later with the same key");
        }
        Optional<StoredResponse> stored = store.find(scope, request.key(), clock.instant());
        if (stored.isPresent()) {
            StoredResponse answer = stored.get();
            if (!answer.fingerprint().equals(request.fingerprint())) {
                throw new RuleViolation("idempotency.key-reused",
                        "This Idempotency-Key was already used for a different request; send a new key with a new request",
                        FIELD);
            }
            return new IdempotentResponse(answer.status(), answer.body(), true);
        }
        IdempotentResponse response = Objects.requireNonNull(work.get(), "the work returned no response");
        Instant now = clock.instant();
        store.save(scope, request.key(), new StoredResponse(request.fingerprint(), response.status(), response.body(),
                now, now.plus(settings.retention())));
        return new IdempotentResponse(response.status(), response.body(), false);
    }

    /**
     * One transaction per call, one bounded statement per chunk. The statements skip rows another
     * transaction holds, so instances purging at the same time neither wait for nor double-count each other.
     */
    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        int total = 0;
        int deleted;
        do {
            deleted = store.purgeExpired(now, PURGE_CHUNK);
            total += deleted;
        } while (deleted == PURGE_CHUNK);
        return total;
    }
}
