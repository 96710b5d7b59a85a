package dev.debrief.application.port.in.deal;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.shared.InvalidInput;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

/**
 * The order of a deal list: one field, ascending or descending ({@code -closedOn}), nulls last,
 * ties broken by id in the same direction.
 */
public record DealSort(Field field, boolean descending) {

    public enum Field {
        CREATED_AT("createdAt"), UPDATED_AT("updatedAt"), CLOSED_ON("closedOn"), AMOUNT("amount"), NAME("name");

        private final String apiName;

        Field(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    public static final DealSort DEFAULT = new DealSort(Field.CREATED_AT, true);

    /** Where a page ended: the sort value of its last deal (null when that deal has none) and its id. */
    public record Key(String value, UUID id) {
    }

    public static DealSort parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        for (Field field : Field.values()) {
            if (field.apiName.equals(name)) {
                return new DealSort(field, descending);
            }
        }
        throw new InvalidInput("sort.invalid",
                "sort must be one of createdAt, updatedAt, closedOn, amount, name, optionally prefixed with '-'", "sort");
    }

    public String text() {
        return (descending ? "-" : "") + field.apiName;
    }

    /** The sort value of a deal, comparable across deals; null when the deal has none. */
    public Comparable<?> valueOf(Deal deal) {
        return switch (field) {
            case CREATED_AT -> deal.createdAt();
            case UPDATED_AT -> deal.updatedAt();
            case CLOSED_ON -> deal.closedOn();
            case AMOUNT -> deal.details().amount() == null ? null : deal.details().amount().amount();
            case NAME -> deal.details().name().toLowerCase(Locale.ROOT);
        };
    }

    public Key keyOf(Deal deal) {
        Comparable<?> value = valueOf(deal);
        return new Key(value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString(),
                deal.id().value());
    }

    /** Turns a key's text back into a value of this sort's type; bad text is an invalid cursor. */
    public Comparable<?> parseValue(String text) {
        if (text == null) {
            return null;
        }
        try {
            return switch (field) {
                case CREATED_AT, UPDATED_AT -> Instant.parse(text);
                case CLOSED_ON -> LocalDate.parse(text);
                case AMOUNT -> new BigDecimal(text);
                case NAME -> text;
            };
        } catch (RuntimeException e) {
            throw new InvalidInput("cursor.invalid", "The cursor is not one this service issued", "cursor");
        }
    }

    /** The full order as a comparator: the one both the SQL and the in-memory listing implement. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<Deal> comparator() {
        Comparator<Comparable> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<Deal> byValue = Comparator.comparing(d -> (Comparable) valueOf(d), Comparator.nullsLast(values));
        Comparator<Deal> byId = Comparator.comparing(d -> d.id().value(), DealSort::compareUuids);
        return byValue.thenComparing(descending ? byId.reversed() : byId);
    }

    /** PostgreSQL orders uuid by unsigned bytes; {@link UUID#compareTo} is signed. */
    public static int compareUuids(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
