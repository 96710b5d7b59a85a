package dev.debrief.application.port.out.idempotency;

import java.time.Duration;

/** Configuration of idempotent requests. */
public interface IdempotencySettings {

    /**
     * How long an answer is kept for replay (DEBRIEF_IDEMPOTENCY_RETENTION, 24 hours by default; the
     * IETF draft and Stripe keep keys at least 24 hours). Positive.
     */
    Duration retention();
}
