package dev.debrief.adapter.rest.shared;

import dev.debrief.domain.shared.InvalidInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one range and format of every date and instant a request brings, in bodies and in query
 * parameters: ISO-8601 strings only ({@code 2026-11-20}, {@code 2026-11-20T16:02:11Z} or with an offset),
 * years 1900 to 9999. Four-digit years are what ISO-8601 writes without an agreement on expanded years,
 * what spreadsheets and JavaScript read back, and far inside what PostgreSQL stores; no deal, follow-up
 * or key is dated before 1900. Outside: 400 {@value #OUT_OF_RANGE}.
 */
public final class Dates {

    public static final String OUT_OF_RANGE = "date.out-of-range";
    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);
    static final Instant MIN_INSTANT = MIN.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant MAX_INSTANT = MAX.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);

    private Dates() {
    }

    /** A calendar date {@code YYYY-MM-DD}; a DateTimeParseException when it isn't one. */
    public static LocalDate parseDate(String text) {
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** An instant with its offset ({@code Z} or {@code +02:00}); a DateTimeParseException when it isn't one. */
    public static Instant parseInstant(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(MIN) && !date.isAfter(MAX);
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT);
    }

    public static String rangeMessage() {
        return "must lie between " + MIN + " and " + MAX;
    }

    /** A date query parameter: absent is null, unparsable {@code query.invalid}, out of range {@value #OUT_OF_RANGE}. */
    public static LocalDate queryDate(String text, String name) {
        LocalDate date = QueryParams.parse(text, name, Dates::parseDate);
        if (date != null && !inRange(date)) {
            throw new InvalidInput(OUT_OF_RANGE, name + " " + rangeMessage(), name);
        }
        return date;
    }

    /** An instant query parameter, by the same rules. */
    public static Instant queryInstant(String text, String name) {
        Instant instant = QueryParams.parse(text, name, Dates::parseInstant);
        if (instant != null && !inRange(instant)) {
            throw new InvalidInput(OUT_OF_RANGE, name + " " + rangeMessage(), name);
        }
        return instant;
    }
}
