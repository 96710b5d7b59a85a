package dev.debrief.application.port.in.idempotency;

/** Deletes stored idempotent responses whose retention has passed; safe to run on several instances at once. */
public interface PurgeIdempotencyKeysUseCase {

    /** @return how many stored responses were deleted */
    int purgeExpired();
}
