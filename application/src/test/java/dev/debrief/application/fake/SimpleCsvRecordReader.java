package dev.debrief.application.fake;

import dev.debrief.application.port.out.imports.CsvRecordReader;
import dev.debrief.domain.shared.InvalidInput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small hand-written CSV reader for the application's tests (the service reads CSV through the
 * adapter's library): character by character, one record at a time, held to the same contract.
 */
public final class SimpleCsvRecordReader implements CsvRecordReader {

    private static final int EOF = -1;

    @Override
    public Optional<CsvRecords> open(InputStream utf8) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(utf8, StandardCharsets.UTF_8));
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            in.mark(MAX_ROW_CHARS + 2);
            if (in.read() == EOF) {
                return Optional.empty();
            }
            in.reset();
            char delimiter = sniff(in);
            in.reset();
            Records records = new Records(in, delimiter);
            return Optional.of(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Comma or semicolon, whichever the first line has more of outside quotes. */
    private static char sniff(BufferedReader in) throws IOException {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0, c = in.read(); i <= MAX_ROW_CHARS && c != EOF; i++, c = in.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static final class Records implements CsvRecords {

        private final BufferedReader in;
        private final char delimiter;
        private final List<String> headerNames;
        private int pushedBack = -2;
        private int rowNumber;

        Records(BufferedReader in, char delimiter) throws IOException {
            this.in = in;
            this.delimiter = delimiter;
            this.headerNames = List.copyOf(readRecord(List.of()));
            this.rowNumber = 1;
        }

        @Override
        public char delimiter() {
            return delimiter;
        }

        @Override
        public List<String> header() {
            return headerNames;
        }

        @Override
        public int rowNumber() {
            return rowNumber;
        }

        @Override
        public List<String> next() {
            try {
                List<String> record = readRecord(headerNames);
                if (record != null) {
                    rowNumber++;
                }
                return record;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
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

        private List<String> readRecord(List<String> columns) throws IOException {
            int row = rowNumber + 1;
            int c = read();
            if (c == EOF) {
                return null;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            int rowChars = 0;
            while (true) {
                if (++rowChars > MAX_ROW_CHARS + 1) {
                    throw new InvalidInput(ROW_TOO_LARGE, "Row " + row + " is longer than " + MAX_ROW_CHARS + " characters", null);
                }
                if (quoted) {
                    if (c == EOF) {
                        throw new InvalidInput(UNTERMINATED_QUOTE, "Row " + row + " opens a quoted field that never closes", null);
                    }
                    if (c == '"') {
                        int next = read();
                        if (next == '"') {
                            cell.append('"');
                        } else {
                            if (next != delimiter && next != '\n' && next != '\r' && next != EOF) {
                                throw new InvalidInput(TEXT_AFTER_QUOTE, "Row " + row + " has text after a closing quote", null);
                            }
                            quoted = false;
                            c = next;
                            continue;
                        }
                    } else {
                        cell.append((char) c);
                    }
                } else if (c == EOF || c == '\n') {
                    return add(cells, cell);
                } else if (c == delimiter) {
                    add(cells, cell);
                    cell.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r') {
                    int next = read();
                    if (next != '\n' && next != EOF) {
                        pushedBack = next;
                    }
                    return add(cells, cell);
                } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else {
                    cell.append((char) c);
                }
                if (cell.length() > MAX_FIELD_CHARS) {
                    String column = cells.size() < columns.size() ? columns.get(cells.size()) : null;
                    throw new InvalidInput(FIELD_TOO_LARGE, "Row " + row + " has a field longer than " + MAX_FIELD_CHARS
                            + " characters", column);
                }
                c = read();
            }
        }

        private static List<String> add(List<String> cells, StringBuilder cell) {
            cells.add(cell.toString());
            return cells;
        }
    }
}
