package dev.debrief.application.service.imports;

import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.shared.InvalidInput;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the rows of a deal CSV into ingest items. Columns are found by header name, case-insensitively
 * and trimmed; the names are those the export writes ({@code DealCsvColumn} in the REST adapter: a test
 * keeps the two lists in step). Unknown columns are ignored, missing optional ones are empty; an empty
 * cell is null. A value that doesn't parse rejects its row, naming the column.
 *
 * <p>A row without {@code source} and {@code external_id} gets a generated reference: source
 * {@value #GENERATED_SOURCE}, external id the hex SHA-256 of the trimmed, lower-cased name and
 * account joined by a unit separator, so importing the same sheet again updates its deals instead of
 * duplicating them.
 */
public final class CsvDealRows {

    static final String GENERATED_SOURCE = "csv";

    /** The columns the import reads (all of them names of the export's columns). */
    public static final List<String> COLUMNS = List.of("id", "source", "external_id", "occurred_at", "name", "account",
            "owner_email", "amount", "currency", "team", "stage", "segment", "persona", "lead_source", "pitched_at",
            "pitched_term_months", "competitor", "outcome", "closed_on", "primary_reason", "contributing_reasons",
            "stage_lost_at", "fit", "loss_competitor", "what_happened", "partner_reason_text");

    /** Columns the header must have. */
    static final List<String> REQUIRED = List.of("name", "outcome");

    /** A row read: the item to ingest, and the Debrief deal id the {@code id} column names (or null). */
    record Row(int rowNumber, IngestItem item, UUID dealId, boolean generatedReference) {
    }

    private final Map<String, Integer> index;
    private final Instant defaultOccurredAt;

    private CsvDealRows(Map<String, Integer> index, Instant defaultOccurredAt) {
        this.index = index;
        this.defaultOccurredAt = defaultOccurredAt;
    }

    /**
     * @throws InvalidInput {@code import.header-missing} for a blank header row, {@code import.column-required}
     *                      (field: the column) without a required column
     */
    static CsvDealRows forHeader(List<String> header, Instant defaultOccurredAt) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(strip(header.get(i)).toLowerCase(Locale.ROOT), i);
        }
        index.remove("");
        if (index.isEmpty()) {
            throw new InvalidInput("import.header-missing",
                    "The file's first row must name the columns (name, outcome, …); see docs/import-sample.csv", null);
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                throw new InvalidInput("import.column-required", "The header row has no '" + required
                        + "' column; see docs/import-sample.csv", required);
            }
        }
        return new CsvDealRows(index, defaultOccurredAt);
    }

    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    /** @throws InvalidInput naming the column of the first value that doesn't parse */
    Row read(int rowNumber, List<String> cells) {
        String name = text(cells, "name");
        if (name == null) {
            throw new InvalidInput("value.required", "name is required", "name");
        }
        String outcomeText = text(cells, "outcome");
        if (outcomeText == null) {
            throw new InvalidInput("value.required", "outcome is required: OPEN, WON, LOST or NO_DECISION", "outcome");
        }
        Outcome outcome = enumValue(Outcome.class, outcomeText, "outcome");
        String account = text(cells, "account");
        String source = text(cells, "source");
        String externalId = text(cells, "external_id");
        if ((source == null) != (externalId == null)) {
            String missing = source == null ? "source" : "external_id";
            throw new InvalidInput("value.required", "source and external_id go together: " + missing
                    + " is empty (leave both empty for a generated reference)", missing);
        }
        boolean generated = source == null;
        if (generated) {
            source = GENERATED_SOURCE;
            externalId = generatedId(name, account);
        }
        Instant occurredAt = instant(cells, "occurred_at");
        IngestItem.Analysis analysis = null;
        if (outcome == Outcome.LOST) {
            List<String> reasons = new ArrayList<>();
            String primary = text(cells, "primary_reason");
            if (primary != null) {
                reasons.add(primary);
            }
            String contributing = text(cells, "contributing_reasons");
            if (contributing != null) {
                for (String code : contributing.split("\\|")) {
                    if (!code.isBlank()) {
                        reasons.add(code.strip());
                    }
                }
            }
            String fit = text(cells, "fit");
            analysis = new IngestItem.Analysis(reasons, text(cells, "partner_reason_text"), text(cells, "stage_lost_at"),
                    fit == null ? null : enumValue(Fit.class, fit, "fit"), text(cells, "loss_competitor"),
                    text(cells, "what_happened"));
        }
        IngestItem item = new IngestItem(source, externalId, occurredAt == null ? defaultOccurredAt : occurredAt, name,
                account, text(cells, "owner_email"), decimal(cells, "amount"), text(cells, "currency"),
                text(cells, "team"), text(cells, "stage"), text(cells, "segment"), text(cells, "persona"),
                text(cells, "lead_source"), date(cells, "pitched_at"), integer(cells, "pitched_term_months"),
                text(cells, "competitor"), outcome, date(cells, "closed_on"), analysis);
        return new Row(rowNumber, item, uuid(cells, "id"), generated);
    }

    static String generatedId(String name, String account) {
        String key = strip(name).toLowerCase(Locale.ROOT) + '\u001f' + (account == null ? "" : strip(account).toLowerCase(Locale.ROOT));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The cell, trimmed; null when empty or absent. The export writes {@code '} before a cell starting
     * with {@code = + - @}, TAB or CR (against formula injection): it is dropped here.
     */
    private String text(List<String> cells, String column) {
        Integer i = index.get(column);
        if (i == null || i >= cells.size() || cells.get(i) == null) {
            return null;
        }
        String value = cells.get(i);
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
            value = value.substring(1);
        }
        value = strip(value);
        return value.isEmpty() ? null : value;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String column) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("value.invalid", column + " '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()), column);
        }
    }

    private LocalDate date(List<String> cells, String column) {
        String value = text(cells, column);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("value.invalid", column + " '" + value + "' is not a date (yyyy-mm-dd)", column);
        }
    }

    private Instant instant(List<String> cells, String column) {
        String value = text(cells, column);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("value.invalid", column + " '" + value
                    + "' is not an instant with its offset (2026-11-20T10:15:30Z)", column);
        }
    }

    private BigDecimal decimal(List<String> cells, String column) {
        String value = text(cells, column);
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput("value.invalid", column + " '" + value + "' is not a number (48000.00)", column);
        }
    }

    private Integer integer(List<String> cells, String column) {
        String value = text(cells, column);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput("value.invalid", column + " '" + value + "' is not a whole number", column);
        }
    }

    private UUID uuid(List<String> cells, String column) {
        String value = text(cells, column);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("value.invalid", column + " '" + value + "' is not a Debrief deal id", column);
        }
    }
}
