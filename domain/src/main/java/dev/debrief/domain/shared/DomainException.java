package dev.debrief.domain.shared;

import java.util.Objects;

/**
 * Base of every error Debrief raises on purpose. Each carries a stable machine {@code code}
 * (clients switch on it) and, where one field is to blame, that field's path in the request.
 * The REST adapter maps the subtype to a status once; nothing else decides statuses.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;
    private String field;

    protected DomainException(String code, String message, String field) {
        super(message);
        this.code = Objects.requireNonNull(code);
        this.field = field;
    }

    public String code() {
        return code;
    }

    /**
     * Nests the blamed field under {@code prefix} (an analysis checked inside a close request blames
     * {@code lossAnalysis.primaryReason}, not {@code primaryReason}). Returns this exception.
     */
    public DomainException nestedUnder(String prefix) {
        this.field = field == null ? prefix : prefix + "." + field;
        return this;
    }

    /** The request field to blame, as a dotted path ({@code lossAnalysis.primaryReason.reasonId}), or null. */
    public String field() {
        return field;
    }
}
