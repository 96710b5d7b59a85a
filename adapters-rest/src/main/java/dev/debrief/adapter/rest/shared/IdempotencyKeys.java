package dev.debrief.adapter.rest.shared;

import dev.debrief.application.port.in.idempotency.IdempotentRequest;
import dev.debrief.domain.shared.InvalidInput;

/**
 * The {@code Idempotency-Key} request header (IETF draft "The Idempotency-Key HTTP Header Field").
 * The draft makes it a Structured Field string ({@code Idempotency-Key: "8e03978e-40d5-43e8"}); most
 * clients send it bare, as Stripe documents ({@code Idempotency-Key: 8e03978e-40d5-43e8}). Both are
 * accepted and name the same key. A key is 1 to 255 printable ASCII characters; a UUID is the advice.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = IdempotentRequest.MAX_KEY_LENGTH;

    private IdempotencyKeys() {
    }

    /**
     * @return the key
     * @throws InvalidInput {@code idempotency.key-required} when the header is missing or blank,
     *         {@code idempotency.key-invalid} when it is longer than 255 characters or not printable ASCII
     *         (both 400, field {@code Idempotency-Key})
     */
    public static String require(String headerValue) {
        String value = headerValue == null ? "" : headerValue.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = unquote(value);
        }
        if (value.isBlank()) {
            throw new InvalidInput("idempotency.key-required",
                    "Send an Idempotency-Key header with a unique value (a UUID) for this request, and the same one when you retry it",
                    HEADER);
        }
        if (value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw invalid();
        }
        return value;
    }

    /** An sf-string's content: only {@code \"} and {@code \\} may be escaped. */
    private static String unquote(String quoted) {
        StringBuilder key = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                i++;
                if (i == quoted.length() - 1 || quoted.charAt(i) != '"' && quoted.charAt(i) != '\\') {
                    throw invalid();
                }
                c = quoted.charAt(i);
            } else if (c == '"') {
                throw invalid();
            }
            key.append(c);
        }
        return key.toString();
    }

    private static InvalidInput invalid() {
        return new InvalidInput("idempotency.key-invalid",
                "An Idempotency-Key is 1 to " + MAX_LENGTH + " printable ASCII characters; a UUID is a good one",
                HEADER);
    }
}
