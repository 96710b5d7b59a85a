package dev.debrief.application.port.in.idempotency;

/**
 * The answer to an idempotent request, as stored and replayed.
 *
 * @param status   the HTTP status of the first answer
 * @param body     its JSON body, or null for none
 * @param replayed true when this is a stored answer given again (no work ran)
 */
public record IdempotentResponse(int status, String body, boolean replayed) {

    public IdempotentResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
    }

    /** A first answer (not replayed), as {@code work} returns it. */
    public static IdempotentResponse of(int status, String body) {
        return new IdempotentResponse(status, body, false);
    }
}
