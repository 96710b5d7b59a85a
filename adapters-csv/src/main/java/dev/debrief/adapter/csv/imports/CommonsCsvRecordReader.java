package dev.debrief.adapter.csv.imports;

import dev.debrief.application.port.out.imports.CsvRecordReader;
import dev.debrief.domain.shared.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * {@link CsvRecordReader} on Apache Commons CSV (RFC 4180, strict about quotes: a quote left open at the
 * end of the file and text after a closing quote are errors there, not merged rows). What the library
 * doesn't do is done here: the byte order mark, the delimiter sniffing, row numbers, and the size limits.
 * Commons CSV has no size limit, so the characters it pulls are counted ({@link Counted}) and a record
 * still going after {@link #MAX_ROW_CHARS} characters (plus the library's read-ahead) is refused while it
 * is read; a record that ends is then checked exactly, field by field and whole.
 */
@ApplicationScoped
public class CommonsCsvRecordReader implements CsvRecordReader {

    /** The header row is looked at within this many characters to choose the delimiter. */
    static final int SNIFF_CHARS = 64 * 1024;
    /** How far Commons CSV reads ahead of the record it is building (its buffer). */
    static final int READ_AHEAD = 8 * 1024;

    @Override
    public Optional<CsvRecords> open(InputStream utf8) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(utf8, StandardCharsets.UTF_8), SNIFF_CHARS);
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            in.mark(SNIFF_CHARS);
            if (in.read() < 0) {
                in.close();
                return Optional.empty();
            }
            in.reset();
            char delimiter = sniff(in);
            in.reset();
            Counted counted = new Counted(in);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
            CSVParser parser = CSVParser.builder().setReader(counted).setFormat(format).get();
            return Optional.of(new Records(parser, counted, delimiter));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Comma or semicolon: whichever the header row has more of outside quotes. */
    private static char sniff(Reader in) throws IOException {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        int c;
        for (int i = 0; i < SNIFF_CHARS - 1 && (c = in.read()) >= 0; i++) {
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

        private final CSVParser parser;
        private final Iterator<CSVRecord> iterator;
        private final Counted counted;
        private final char delimiter;
        private final List<String> header;
        private int rowNumber;

        Records(CSVParser parser, Counted counted, char delimiter) {
            this.parser = parser;
            this.iterator = parser.iterator();
            this.counted = counted;
            this.delimiter = delimiter;
            List<String> first = read(List.of());
            this.header = first == null ? List.of() : first;
            this.rowNumber = 1;
        }

        @Override
        public char delimiter() {
            return delimiter;
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public int rowNumber() {
            return rowNumber;
        }

        @Override
        public List<String> next() {
            List<String> cells = read(header);
            if (cells != null) {
                rowNumber++;
            }
            return cells;
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next record, checked against the limits; the row being read is {@code rowNumber + 1}. */
        private List<String> read(List<String> columns) {
            int row = rowNumber + 1;
            CSVRecord record;
            try {
                if (!iterator.hasNext()) {
                    return null;
                }
                record = iterator.next();
            } catch (RowTooLong e) {
                throw rowTooLarge(row);
            } catch (UncheckedIOException e) {
                throw refusal(e, row);
            }
            counted.recordEnded();
            List<String> cells = record.toList();
            long chars = cells.size() - 1L;
            for (int i = 0; i < cells.size(); i++) {
                int length = cells.get(i).length();
                if (length > MAX_FIELD_CHARS) {
                    throw new InvalidInput(FIELD_TOO_LARGE, "Row " + row + ": " + (i < columns.size() ? "the " + columns.get(i)
                            + " field" : "field " + (i + 1)) + " is longer than the " + MAX_FIELD_CHARS
                            + " characters a field may have", i < columns.size() ? columns.get(i) : null);
                }
                chars += length;
            }
            if (chars > MAX_ROW_CHARS) {
                throw rowTooLarge(row);
            }
            return cells;
        }

        private static InvalidInput rowTooLarge(int row) {
            return new InvalidInput(ROW_TOO_LARGE, "Row " + row + " is longer than the " + MAX_ROW_CHARS
                    + " characters a row may have (is a quote opened there and never closed?)", null);
        }

        /** What Commons CSV refused, as the port's codes; an I/O error of the stream itself stays one. */
        private static RuntimeException refusal(UncheckedIOException e, int row) {
            if (!(e.getCause() instanceof CSVException invalid)) {
                return e;
            }
            String message = String.valueOf(invalid.getMessage());
            if (message.contains("EOF reached before encapsulated token finished")) {
                return new InvalidInput(UNTERMINATED_QUOTE, "Row " + row + " opens a quoted field that never closes: "
                        + "every row after it would be read into that field. Close the quote (a quote inside a quoted "
                        + "field is written twice: \"\")", null);
            }
            if (message.contains("Invalid character between encapsulated token and delimiter")) {
                return new InvalidInput(TEXT_AFTER_QUOTE, "Row " + row + " has text after the closing quote of a field "
                        + "(\"Acme\" Inc); quote the whole field (\"\"\"Acme\"\" Inc\") or leave the quotes out", null);
            }
            return new InvalidInput(MALFORMED, "Row " + row + " is not valid CSV: " + message, null);
        }
    }

    /** Thrown by {@link Counted} when a record runs past the row limit while it is read. */
    private static final class RowTooLong extends RuntimeException {
        RowTooLong() {
            super(null, null, false, false);
        }
    }

    /** Counts the characters the parser pulls since the last record ended, and stops a record that never ends. */
    private static final class Counted extends FilterReader {

        private long read;
        private long recordStart;

        Counted(Reader in) {
            super(in);
        }

        void recordEnded() {
            recordStart = read;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count(1);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            // the parser reads ahead by up to its buffer, so recordStart may be that far past where the record began
            if (read - recordStart > MAX_ROW_CHARS + 2L * READ_AHEAD) {
                throw new RowTooLong();
            }
        }
    }
}
