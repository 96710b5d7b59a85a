package dev.debrief.application.port.out.idempotency;

import java.time.Instant;
import java.util.Objects;

/** The first answer to an idempotent request, kept until {@code expiresAt}. */
public record StoredResponse(String fingerprint, int status, String body, Instant createdAt, Instant expiresAt) {

    public StoredResponse {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(expiresAt, "expires at");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A stored response expires after it was created");
        }
    }
}
