package dev.debrief.domain.imports;

import java.util.Objects;

/**
 * A row the import refused: its number as a spreadsheet shows it (the header is row 1; a quoted
 * newline stays inside its row), the column to blame (or null), and the stable code and message.
 */
public record ImportRejection(int rowNumber, String field, String code, String message) {

    public ImportRejection {
        if (rowNumber < 2) {
            throw new IllegalArgumentException("Data rows start at row 2: " + rowNumber);
        }
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
