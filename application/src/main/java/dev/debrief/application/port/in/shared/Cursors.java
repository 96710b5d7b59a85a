package dev.debrief.application.port.in.shared;

import dev.debrief.domain.shared.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors. A cursor carries where the last page ended and a fingerprint of the
 * filters and sort it was made with; using it with others is {@code cursor.mismatch}, not a
 * silently wrong page. Lists build their fingerprint and fields; this encodes them.
 */
public final class Cursors {

    private static final String NULL = "\u0000";

    private Cursors() {
    }

    public static String encode(String kind, String fingerprint, String... fields) {
        StringBuilder raw = new StringBuilder(kind).append('|').append(fingerprint);
        for (String field : fields) {
            raw.append('|').append(field == null ? NULL : field);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The fields of a cursor of this kind, checked against the fingerprint of the current query. */
    public static String[] decode(String cursor, String kind, String fingerprint, int fieldCount) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", fieldCount + 2);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != fieldCount + 2 || !kind.equals(parts[0])) {
            throw invalid();
        }
        if (!parts[1].equals(fingerprint)) {
            throw new InvalidInput("cursor.mismatch",
                    "The cursor was made for other filters or another sort: repeat them exactly, or start without a cursor",
                    "cursor");
        }
        String[] fields = new String[fieldCount];
        for (int i = 0; i < fieldCount; i++) {
            fields[i] = NULL.equals(parts[i + 2]) ? null : parts[i + 2];
        }
        return fields;
    }

    public static String fingerprint(Object... query) {
        return Integer.toHexString(java.util.Arrays.deepToString(query).hashCode());
    }

    public static InvalidInput invalid() {
        return new InvalidInput("cursor.invalid", "The cursor is not one this service issued", "cursor");
    }
}
