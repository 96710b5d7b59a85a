package dev.debrief.adapter.rest.shared;

import java.io.IOException;
import java.io.Writer;

/**
 * CSV as spreadsheets read it: RFC 4180 with a chosen delimiter, and guarded against formula
 * injection. The one place cells are escaped.
 *
 * <ul>
 *   <li><b>Formula guard</b>: a cell whose text starts with {@code =}, {@code +}, {@code -},
 *   {@code @}, TAB or CR would be evaluated by Excel, LibreOffice or Google Sheets (OWASP "CSV
 *   injection"), so it gets a single quote in front: {@code =HYPERLINK(…)} is written
 *   {@code '=HYPERLINK(…)}. Spreadsheets show the quote as a text marker; a program reading the file
 *   (the CSV import) drops a leading {@code '} that is followed by one of those characters.</li>
 *   <li><b>Quoting</b>: a cell containing the delimiter, {@code "}, CR or LF is enclosed in
 *   {@code "}, with every {@code "} doubled; other cells are written as they are.</li>
 *   <li>Null and empty are both an empty cell. Lines end with CRLF, the last one too.</li>
 * </ul>
 */
public final class Csv {

    /** The UTF-8 byte order mark, which makes Excel read the file as UTF-8. */
    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    public static final String LINE_END = "\r\n";

    private final char delimiter;

    public Csv(char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' || delimiter == '\'') {
            throw new IllegalArgumentException("not a usable delimiter: " + delimiter);
        }
        this.delimiter = delimiter;
    }

    /** The cell as it is written: formula-guarded, then quoted when needed. */
    public String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String guarded = startsLikeAFormula(text) ? "'" + text : text;
        return needsQuotes(guarded) ? '"' + guarded.replace("\"", "\"\"") + '"' : guarded;
    }

    /** Writes the cells, separated by the delimiter, and a CRLF. */
    public void row(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            out.write(cell(cells[i]));
        }
        out.write(LINE_END);
    }

    /**
     * Writes the cells, separated by the delimiter, and a CRLF: numbers ({@link java.math.BigDecimal} in plain
     * notation, integers) as they are, since a number's text ({@code -0.25}) is a value in every spreadsheet,
     * never a formula; everything else as {@link #cell(String)} of its text.
     */
    public void values(Writer out, java.util.List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            Object value = cells.get(i);
            if (value instanceof java.math.BigDecimal decimal) {
                out.write(decimal.toPlainString());
            } else if (value instanceof Long || value instanceof Integer) {
                out.write(value.toString());
            } else {
                out.write(cell(value == null ? null : value.toString()));
            }
        }
        out.write(LINE_END);
    }

    private static boolean startsLikeAFormula(String text) {
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
