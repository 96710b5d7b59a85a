package dev.debrief.application.service.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time from a character stream (never more than one record in memory).
 * RFC 4180 with what spreadsheets write: a byte order mark is dropped; the delimiter is a comma or a
 * semicolon, whichever the header line has more of outside quotes; a quoted field may hold
 * delimiters, doubled quotes and line breaks (CRLF, LF or CR); a quote inside an unquoted field is
 * kept as text. {@link #rowNumber()} counts records as a spreadsheet numbers its rows: the header is
 * row 1, a blank line is a row of its own, a quoted line break stays inside its row.
 */
public final class CsvRecords {

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final List<String> header;
    private int pushedBack = -2;
    private int rowNumber;

    private CsvRecords(Reader in, char delimiter, List<String> header) {
        this.in = in;
        this.delimiter = delimiter;
        this.header = header;
        this.rowNumber = 1;
    }

    /**
     * Reads the header line and detects the delimiter.
     *
     * @return null when the stream holds nothing but an optional byte order mark
     */
    public static CsvRecords open(Reader in) {
        try {
            StringBuilder line = new StringBuilder();
            int c = in.read();
            if (c == '\uFEFF') {
                c = in.read();
            }
            if (c == EOF) {
                return null;
            }
            boolean quoted = false;
            int commas = 0;
            int semicolons = 0;
            int after = EOF;
            while (c != EOF) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    if (c == '\r') {
                        int next = in.read();
                        if (next != '\n') {
                            after = next;
                        }
                    }
                    break;
                } else if (!quoted && c == ',') {
                    commas++;
                } else if (!quoted && c == ';') {
                    semicolons++;
                }
                line.append((char) c);
                c = in.read();
            }
            char delimiter = semicolons > commas ? ';' : ',';
            CsvRecords header = new CsvRecords(new java.io.StringReader(line.toString()), delimiter, List.of());
            List<String> names = header.readRecord();
            CsvRecords records = new CsvRecords(in, delimiter, names == null ? List.of() : List.copyOf(names));
            records.pushedBack = after == EOF ? -2 : after;
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public char delimiter() {
        return delimiter;
    }

    /** The header's cells as written (trimmed of nothing). */
    public List<String> header() {
        return header;
    }

    /** The spreadsheet row number of the record {@link #next()} returned last (1: the header). */
    public int rowNumber() {
        return rowNumber;
    }

    /** The next record's cells ({@code [""]} for a blank line), or null at the end of the stream. */
    public List<String> next() {
        try {
            List<String> record = readRecord();
            if (record != null) {
                rowNumber++;
            }
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private List<String> readRecord() throws IOException {
        int c = read();
        if (c == EOF) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == EOF) {
                    cells.add(cell.toString());
                    return cells;
                }
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == EOF) {
                cells.add(cell.toString());
                return cells;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                cells.add(cell.toString());
                return cells;
            } else if (c == '\r') {
                int next = read();
                if (next != '\n' && next != EOF) {
                    pushedBack = next;
                }
                cells.add(cell.toString());
                return cells;
            } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                cell.append((char) c);
            }
            c = read();
        }
    }
}
