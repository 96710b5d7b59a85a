package dev.debrief.application.port.out.idempotency;

import java.time.Instant;
import java.util.Optional;

/** Stored answers of idempotent requests, per caller and key. Every method runs in the caller's transaction. */
public interface IdempotencyStore {

    /**
     * Takes the lock of (scope, key) for the rest of the current transaction, without waiting. It is
     * released when the transaction ends (commit, rollback, or the connection dying), never later.
     * Taking it again in the same transaction succeeds.
     *
     * @return false when another transaction holds it
     */
    boolean tryLock(IdempotencyScope scope, String key);

    /** The stored answer of (scope, key) if it expires after {@code now}. */
    Optional<StoredResponse> find(IdempotencyScope scope, String key, Instant now);

    /** Stores the answer of (scope, key), replacing a stored one (an expired one the purge hasn't reached yet). */
    void save(IdempotencyScope scope, String key, StoredResponse response);

    /**
     * Deletes up to {@code limit} answers that expired at or before {@code now}, skipping rows another
     * transaction is deleting or rewriting at the same moment (so two purges never wait for each other).
     *
     * @return how many were deleted
     */
    int purgeExpired(Instant now, int limit);
}
