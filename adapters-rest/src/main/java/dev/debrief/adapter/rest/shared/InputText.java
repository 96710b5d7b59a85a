package dev.debrief.adapter.rest.shared;

import dev.debrief.domain.shared.InvalidInput;

/**
 * The one rule for every text a request brings in, whether it is stored or only queried: no U+0000
 * (PostgreSQL's text types can't hold it) and no unpaired surrogate (it has no UTF-8 encoding). Body
 * strings are checked as Jackson reads them ({@link StrictValues}), path and query parameters before
 * the resource runs ({@link ParameterTexts}); both answer 400 {@value #CODE} naming the field.
 * Header values never get here: the HTTP codec refuses control characters in them.
 */
public final class InputText {

    public static final String CODE = "text.invalid-character";

    private InputText() {
    }

    /** The index of the first character that can't be stored, or -1 when the text is fine. */
    public static int invalidAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || Character.isLowSurrogate(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** What is wrong, without echoing the text. */
    static String explain(String text, int at) {
        char c = text.charAt(at);
        return "contains " + (c == '\u0000' ? "U+0000 (NUL)" : "an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase()
                + ")") + " at position " + at + ": text may hold any Unicode character but these";
    }

    /** Refuses a parameter's text that can't be stored or queried. */
    public static void require(String text, String field) {
        int at = text == null ? -1 : invalidAt(text);
        if (at >= 0) {
            throw new InvalidInput(CODE, field + " " + explain(text, at), field);
        }
    }
}
