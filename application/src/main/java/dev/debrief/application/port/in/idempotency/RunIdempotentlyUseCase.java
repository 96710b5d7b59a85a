package dev.debrief.application.port.in.idempotency;

import java.util.function.Supplier;

/**
 * Runs a write at most once per caller and {@code Idempotency-Key} (IETF draft "The Idempotency-Key
 * HTTP Header Field", with Stripe's semantics), so a client may retry a request whose answer it lost.
 *
 * <p>In one transaction: takes a transaction-level lock on (caller, key), then answers a stored,
 * unexpired response for the same request again ({@code replayed = true}) without running
 * {@code work}; otherwise runs {@code work} (its own transactional services join the transaction)
 * and stores its response in the same transaction, so the response is stored exactly when the
 * writes commit. If {@code work} throws, nothing is stored and the exception propagates: a retry
 * runs it again.
 *
 * @throws dev.debrief.domain.shared.StateConflict {@code idempotency.in-flight} while another request
 *         with the same key is still running (409: retry later)
 * @throws dev.debrief.domain.shared.RuleViolation {@code idempotency.key-reused} when the key was used
 *         for a different request (another fingerprint) within the retention (422, field {@code Idempotency-Key})
 */
public interface RunIdempotentlyUseCase {

    IdempotentResponse run(IdempotentRequest request, Supplier<IdempotentResponse> work);
}
