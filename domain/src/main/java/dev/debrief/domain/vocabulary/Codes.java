package dev.debrief.domain.vocabulary;

import dev.debrief.domain.shared.RuleViolation;

import java.text.Normalizer;
import java.util.Locale;

/** Immutable machine codes (UPPER_SNAKE) for vocabulary entries and loss reasons. */
public final class Codes {

    public static final int MAX = 64;
    private static final String PATTERN = "[A-Z][A-Z0-9_]{0,63}";

    private Codes() {
    }

    /** The given code, or one derived from the name ("Lead with value" → LEAD_WITH_VALUE). */
    public static String codeOrDerived(String code, String name, String field) {
        if (code != null) {
            if (!code.matches(PATTERN)) {
                throw new RuleViolation("code.invalid",
                        field + " must be UPPER_SNAKE_CASE letters, digits and underscores, starting with a letter, at most "
                                + MAX + " characters", field);
            }
            return code;
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String derived = ascii.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (derived.isEmpty() || !Character.isLetter(derived.charAt(0))) {
            derived = "X_" + derived;
        }
        return derived.length() > MAX ? derived.substring(0, MAX) : derived;
    }
}
