package dev.debrief.domain.lesson;

import dev.debrief.domain.shared.RuleViolation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A lesson or an action item is a thing to <em>do</em> (seed 000: a plan of dos, kept apart from the
 * record of failures). A text that opens as a prohibition is refused with {@code phrasing.prohibition}
 * and a suggestion of the positive shape.
 *
 * <p>What counts: after leading whitespace, quotes, dashes and bullets, in any case, the text starts
 * with one of {@link #PROHIBITIONS} as whole words ("Don't", "Do not", "Never", "Avoid", "Stop",
 * "No more", "Quit", "Refrain from", "Cease", "Must not", "Should not", "No "…). Borderline cases,
 * decided: "Donate…", "Nevertheless…", "Avoidance…", "Notice…" and "Nobody…" pass (the word is
 * another word); "Stop by the buyer's office" passes ("stop by" means visit); "No-one…" passes, "No
 * discounts…" does not. The policy reads the opening only: "Call back within a day, never later" passes.
 */
public final class PositivePhrasing {

    /** The openings that make a text a prohibition, lower case, as whole words. */
    public static final List<String> PROHIBITIONS = List.of("don't", "don’t", "dont", "do not", "never", "avoid",
            "stop", "no more", "no longer", "quit", "refrain", "cease", "must not", "mustn't", "mustn’t", "should not",
            "shouldn't", "shouldn’t", "cannot", "can't", "can’t", "not", "no");

    private static final Pattern LEADING = Pattern.compile("^[\\s\"'“”‘’«»`*•\\-–—]+");
    private static final List<String> ALLOWED = List.of("stop by", "no-one", "no one");

    private PositivePhrasing() {
    }

    /** @throws RuleViolation {@code phrasing.prohibition} on {@code field} when the text opens as a prohibition */
    public static String require(String text, String field) {
        String prohibition = prohibitionIn(text);
        if (prohibition != null) {
            throw new RuleViolation("phrasing.prohibition", "'" + field + "' opens with \"" + prohibition
                    + "\": say what to do instead, as a do. For example, not \"Don't send the quote late\" but \"Send "
                    + "the revised quote the same day\"", field);
        }
        return text;
    }

    /** The prohibition a text opens with, or null when it reads as a do. */
    public static String prohibitionIn(String text) {
        if (text == null) {
            return null;
        }
        String opening = LEADING.matcher(text).replaceFirst("").toLowerCase(Locale.ROOT);
        for (String allowed : ALLOWED) {
            if (startsWithWords(opening, allowed)) {
                return null;
            }
        }
        for (String prohibition : PROHIBITIONS) {
            if (startsWithWords(opening, prohibition)) {
                return prohibition;
            }
        }
        return null;
    }

    /** Whether the text starts with these words, followed by the end or a character that ends a word. */
    private static boolean startsWithWords(String text, String words) {
        if (!text.startsWith(words)) {
            return false;
        }
        if (text.length() == words.length()) {
            return true;
        }
        char next = text.charAt(words.length());
        if (next == '\'' || next == '’') { // a closing quote ends the word, an apostrophe ("no's") doesn't
            return text.length() == words.length() + 1 || !Character.isLetter(text.charAt(words.length() + 1));
        }
        return !Character.isLetterOrDigit(next) && next != '-';
    }
}
