package dev.debrief.adapter.rest.shared;

import dev.debrief.domain.shared.InvalidInput;

import java.util.function.Function;

/** Query parameters read as text and parsed here, so a bad value is a 400 that names the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    /** Null for an absent parameter; {@code query.invalid} for one that doesn't parse. */
    public static <T> T parse(String text, String name, Function<String, T> parser) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (RuntimeException e) {
            throw new InvalidInput("query.invalid", name + " has an invalid value: '" + text + "'", name);
        }
    }

    /** Exactly {@code true} or {@code false}; anything else doesn't parse. */
    public static Boolean bool(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(text);
        }
        return Boolean.valueOf(text);
    }
}
