package dev.debrief.domain.shared;

/** Content that breaks a business rule (HTTP 422). */
public class RuleViolation extends DomainException {

    public RuleViolation(String code, String message, String field) {
        super(code, message, field);
    }

    public RuleViolation(String code, String message) {
        this(code, message, null);
    }
}
