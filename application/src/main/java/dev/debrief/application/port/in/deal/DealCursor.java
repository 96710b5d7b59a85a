package dev.debrief.application.port.in.deal;

import dev.debrief.application.port.in.shared.Cursors;

import java.util.UUID;

/** Cursors of the deal list: the last deal's sort value and id, tied to the filters and sort. */
public final class DealCursor {

    private static final String KIND = "d1";

    private DealCursor() {
    }

    public static String encode(DealFilter filter, DealSort sort, DealSort.Key key) {
        return Cursors.encode(KIND, Cursors.fingerprint(filter, sort.text()), key.id().toString(), key.value());
    }

    public static DealSort.Key decode(String cursor, DealFilter filter, DealSort sort) {
        String[] fields = Cursors.decode(cursor, KIND, Cursors.fingerprint(filter, sort.text()), 2);
        UUID id;
        try {
            id = UUID.fromString(fields[0]);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Cursors.invalid();
        }
        sort.parseValue(fields[1]);
        return new DealSort.Key(fields[1], id);
    }
}
