package dev.debrief.application.port.in.deal;

import dev.debrief.domain.shared.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque page cursors. A cursor carries where the last page ended and a fingerprint of the filters
 * and sort it was made with; using it with other filters or another sort is an error, not a
 * silently wrong page.
 */
public final class DealCursor {

    private static final String VERSION = "d1";
    private static final String NULL = "\u0000";

    private DealCursor() {
    }

    public static String encode(DealFilter filter, DealSort sort, DealSort.Key key) {
        String raw = String.join("|", VERSION, fingerprint(filter, sort), key.id().toString(),
                key.value() == null ? NULL : key.value());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static DealSort.Key decode(String cursor, DealFilter filter, DealSort sort) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 4);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        if (!parts[1].equals(fingerprint(filter, sort))) {
            throw new InvalidInput("cursor.mismatch",
                    "The cursor was made for other filters or another sort: repeat them exactly, or start without a cursor",
                    "cursor");
        }
        UUID id;
        try {
            id = UUID.fromString(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String value = NULL.equals(parts[3]) ? null : parts[3];
        sort.parseValue(value);
        return new DealSort.Key(value, id);
    }

    private static InvalidInput invalid() {
        return new InvalidInput("cursor.invalid", "The cursor is not one this service issued", "cursor");
    }

    private static String fingerprint(DealFilter filter, DealSort sort) {
        return Integer.toHexString((filter.toString() + "#" + sort.text()).hashCode());
    }
}
