package dev.debrief.domain.shared;

/** Checks for the free-text fields every aggregate has. */
public final class Text {

    private Text() {
    }

    /** A trimmed, non-blank value of at most {@code max} characters. */
    public static String required(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("value.required", field + " must not be blank", field);
        }
        return optional(value, max, field);
    }

    /** Null or a trimmed value of at most {@code max} characters; blank becomes null. */
    public static String optional(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new RuleViolation("value.too-long", field + " must be at most " + max + " characters", field);
        }
        return trimmed;
    }
}
