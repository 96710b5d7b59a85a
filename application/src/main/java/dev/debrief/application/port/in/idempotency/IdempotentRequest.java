package dev.debrief.application.port.in.idempotency;

import dev.debrief.domain.access.Access;

import java.util.Objects;

/**
 * One request under an idempotency key.
 *
 * @param access      the caller: keys are scoped to the workspace and the member or API key
 * @param key         the client's {@code Idempotency-Key}, 1 to {@value #MAX_KEY_LENGTH} characters
 *                    (the REST edge checks what clients send and answers 400)
 * @param fingerprint lowercase hex SHA-256 of the request (method, path and canonical body), so the
 *                    same key sent with a different request is recognised
 */
public record IdempotentRequest(Access access, String key, String fingerprint) {

    public static final int MAX_KEY_LENGTH = 255;

    public IdempotentRequest {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("An idempotency key has 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A fingerprint is a lowercase hex SHA-256: " + fingerprint);
        }
    }
}
