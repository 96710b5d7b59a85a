package dev.debrief.application.port.out.imports;

import java.io.InputStream;
import java.util.Optional;

/**
 * Reads an uploaded CSV file record by record (never more than one record in memory). What every
 * implementation reads, and refuses:
 *
 * <ul>
 *   <li>UTF-8, with or without a byte order mark (dropped);</li>
 *   <li>the delimiter is a comma or a semicolon, whichever the header row has more of outside quotes;</li>
 *   <li>RFC 4180 quoting: a quoted field may hold delimiters, doubled quotes and line breaks (CRLF, LF or
 *       CR); a quote inside an unquoted field is text;</li>
 *   <li>row numbers are a spreadsheet's: the header is row 1, each record is one row (a quoted line
 *       break stays inside its row), a blank line is a row of its own ({@code [""]});</li>
 *   <li>refused, naming the row where the record starts: a quoted field that never closes
 *       ({@value #UNTERMINATED_QUOTE}), text after a closing quote ({@value #TEXT_AFTER_QUOTE}), a field
 *       longer than {@value #MAX_FIELD_CHARS} characters ({@value #FIELD_TOO_LARGE}, field: its column),
 *       a row longer than {@value #MAX_ROW_CHARS} characters ({@value #ROW_TOO_LARGE}; checked while
 *       reading, so a runaway quote never fills the memory).</li>
 * </ul>
 *
 * Refusals are {@link dev.debrief.domain.shared.InvalidInput}s with these codes.
 */
public interface CsvRecordReader {

    /** The longest field accepted, in characters. */
    int MAX_FIELD_CHARS = 100_000;
    /** The longest row accepted, in characters (its fields and delimiters). */
    int MAX_ROW_CHARS = 1_000_000;

    String UNTERMINATED_QUOTE = "import.unterminated-quote";
    String TEXT_AFTER_QUOTE = "import.text-after-quote";
    String FIELD_TOO_LARGE = "import.field-too-large";
    String ROW_TOO_LARGE = "import.row-too-large";
    /** Anything else an implementation's parser refuses (none known today; the message says what). */
    String MALFORMED = "import.csv-malformed";

    /**
     * Drops a byte order mark, detects the delimiter and reads the header row.
     *
     * @return empty when the stream holds nothing but an optional byte order mark
     * @throws dev.debrief.domain.shared.InvalidInput when the header row itself is refused (row 1)
     */
    Optional<CsvRecords> open(InputStream utf8);

    /** The records of one file, after its header. Not thread-safe; closing it closes the stream. */
    interface CsvRecords extends AutoCloseable {

        char delimiter();

        /** The header's cells as written. */
        java.util.List<String> header();

        /** The spreadsheet row number of the record {@link #next()} returned last (1: the header). */
        int rowNumber();

        /**
         * The next record's cells ({@code [""]} for a blank line), or null at the end of the file.
         *
         * @throws dev.debrief.domain.shared.InvalidInput a refusal (see {@link CsvRecordReader}), naming the
         *         row where the refused record starts
         */
        java.util.List<String> next();

        @Override
        void close();
    }
}
