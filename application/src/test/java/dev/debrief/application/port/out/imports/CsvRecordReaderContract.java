package dev.debrief.application.port.out.imports;

import dev.debrief.application.port.out.imports.CsvRecordReader.CsvRecords;
import dev.debrief.domain.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link CsvRecordReader} reads and refuses; the fake of the application's tests and the
 * adapter both extend it.
 */
public abstract class CsvRecordReaderContract {

    protected abstract CsvRecordReader reader();

    private CsvRecords open(String csv) {
        return open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private CsvRecords open(InputStream in) {
        return reader().open(in).orElseThrow();
    }

    /** Every record after the header as "row:[cells]". */
    private static List<String> rows(CsvRecords records) {
        List<String> rows = new ArrayList<>();
        List<String> cells;
        while ((cells = records.next()) != null) {
            rows.add(records.rowNumber() + ":" + cells);
        }
        return rows;
    }

    private static String shortly(List<String> cells) {
        return cells.stream().map(c -> c.length() > 20 ? c.substring(0, 20) + "…(" + c.length() + ")" : c).toList().toString();
    }

    /** Reads to the end and returns the refusal. */
    private static InvalidInput refusal(CsvRecords records, List<String> rowsBefore) {
        List<String> read = new ArrayList<>();
        try {
            List<String> cells;
            while ((cells = records.next()) != null) {
                read.add(records.rowNumber() + ":" + shortly(cells));
            }
        } catch (InvalidInput e) {
            assertThat(read).as("the rows before the refusal").isEqualTo(rowsBefore);
            return e;
        }
        throw new AssertionError("no refusal; read " + read);
    }

    @Test
    void dropsTheByteOrderMarkAndDetectsTheSemicolon() {
        CsvRecords records = open("\uFEFFname;\"a,b\";outcome\r\nAcme;x,y;OPEN\r\n");

        assertThat(records.delimiter()).isEqualTo(';');
        assertThat(records.header()).containsExactly("name", "a,b", "outcome");
        assertThat(rows(records)).containsExactly("2:[Acme, x,y, OPEN]");
    }

    @Test
    void aCommaHeaderIsReadWithCommas() {
        CsvRecords records = open("name,outcome,note\nAcme,OPEN,\"a;b;c\"\n");

        assertThat(records.delimiter()).isEqualTo(',');
        assertThat(rows(records)).containsExactly("2:[Acme, OPEN, a;b;c]");
    }

    @Test
    void keepsQuotedDelimitersDoubledQuotesAndLineBreaksInOneRow() {
        CsvRecords records = open("name,note\n\"Acme, Inc\",\"He said \"\"no\"\"\r\nthen left\"\nGlobex,\n\nInitech,last");

        assertThat(rows(records)).containsExactly("2:[Acme, Inc, He said \"no\"\r\nthen left]", "3:[Globex, ]", "4:[]",
                "5:[Initech, last]");
    }

    @Test
    void readsOldMacLineEndsAndAQuoteInsideAnUnquotedCellAsText() {
        CsvRecords records = open("name,note\rAcme,5\" screen\r");

        assertThat(rows(records)).containsExactly("2:[Acme, 5\" screen]");
    }

    @Test
    void readsUtf8IncludingCharactersOutsideTheBasicPlane() {
        CsvRecords records = open("name,account\nZürich Größe,\"日本, 🚀\"\n");

        assertThat(rows(records)).containsExactly("2:[Zürich Größe, 日本, 🚀]");
    }

    @Test
    void anEmptyStreamHasNoHeader() {
        assertThat(reader().open(new ByteArrayInputStream(new byte[0]))).isEmpty();
        assertThat(reader().open(new ByteArrayInputStream(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))).isEmpty();
    }

    @Test
    void aQuoteThatNeverClosesIsRefusedWithTheRowWhereItStartsInsteadOfMergingTheRowsAfterIt() {
        CsvRecords records = open("name,outcome\nUmbrella,OPEN\n\"Acme,LOST\nGlobex,WON\nInitech,LOST\n");

        InvalidInput refused = refusal(records, List.of("2:[Umbrella, OPEN]"));

        assertThat(refused.code()).isEqualTo(CsvRecordReader.UNTERMINATED_QUOTE);
        assertThat(refused.getMessage()).contains("Row 3");
    }

    @Test
    void textAfterAClosingQuoteIsRefusedWithItsRow() {
        CsvRecords records = open("name,outcome\nA,OPEN\nB,OPEN\n\"Acme\" Inc,LOST\n");

        InvalidInput refused = refusal(records, List.of("2:[A, OPEN]", "3:[B, OPEN]"));

        assertThat(refused.code()).isEqualTo(CsvRecordReader.TEXT_AFTER_QUOTE);
        assertThat(refused.getMessage()).contains("Row 4");
    }

    @Test
    void aFieldOverTheLimitIsRefusedNamingItsColumnAndRow() {
        CsvRecords records = open("name,outcome,what_happened\nA,OPEN,short\nB,LOST,\""
                + "x".repeat(CsvRecordReader.MAX_FIELD_CHARS + 1) + "\"\nC,OPEN,\n");

        InvalidInput refused = refusal(records, List.of("2:[A, OPEN, short]"));

        assertThat(refused.code()).isEqualTo(CsvRecordReader.FIELD_TOO_LARGE);
        assertThat(refused.field()).isEqualTo("what_happened");
        assertThat(refused.getMessage()).contains("Row 3");
    }

    @Test
    void aFieldAtTheLimitIsRead() {
        String longest = "x".repeat(CsvRecordReader.MAX_FIELD_CHARS);
        CsvRecords records = open("name,outcome\n" + longest + ",OPEN\n");

        assertThat(records.next()).containsExactly(longest, "OPEN");
    }

    @Test
    void aRowOverTheLimitIsRefusedWithItsRow() {
        String field = "y".repeat(CsvRecordReader.MAX_FIELD_CHARS - 10);
        int fields = CsvRecordReader.MAX_ROW_CHARS / field.length() + 2;
        CsvRecords records = open("name,outcome\nA,OPEN\n" + String.join(",", Collections.nCopies(fields, field)) + "\n");

        InvalidInput refused = refusal(records, List.of("2:[A, OPEN]"));

        assertThat(refused.code()).isEqualTo(CsvRecordReader.ROW_TOO_LARGE);
        assertThat(refused.getMessage()).contains("Row 3");
    }

    @Test
    void aRunawayQuoteIsRefusedOnceItPassesTheRowLimitWithoutReadingTheRest() {
        byte[] start = "name,outcome\nA,OPEN\nB,\"".getBytes(StandardCharsets.UTF_8);
        CountingStream endless = new CountingStream(200L * CsvRecordReader.MAX_ROW_CHARS);
        CsvRecords records = open(new SequenceInputStream(new ByteArrayInputStream(start), endless));

        InvalidInput refused = refusal(records, List.of("2:[A, OPEN]"));

        assertThat(refused.code()).isIn(CsvRecordReader.ROW_TOO_LARGE, CsvRecordReader.FIELD_TOO_LARGE);
        assertThat(refused.getMessage()).contains("Row 3");
        assertThat(endless.served).as("read no further than a little past the row limit")
                .isLessThan(2L * CsvRecordReader.MAX_ROW_CHARS);
    }

    @Test
    void theHeaderRowIsRefusedLikeAnyOther() {
        assertThatThrownBy(() -> reader().open(new ByteArrayInputStream("name,\"outcome\nA,OPEN\n".getBytes(StandardCharsets.UTF_8)))
                .orElseThrow().next())
                .isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("code", CsvRecordReader.UNTERMINATED_QUOTE)
                .hasMessageContaining("Row 1");
    }

    @Test
    void readsManyRowsOneAtATime() {
        StringBuilder csv = new StringBuilder("name,outcome\r\n");
        for (int i = 1; i <= 5000; i++) {
            csv.append(i % 10 == 0 ? "\"Deal " + i + ",\r\nx\"" : "Deal " + i).append(",OPEN\r\n");
        }
        CsvRecords records = open(csv.toString());
        int count = 0;
        List<String> cells;
        while ((cells = records.next()) != null) {
            count++;
            assertThat(records.rowNumber()).isEqualTo(count + 1);
            assertThat(cells).hasSize(2);
        }
        assertThat(count).isEqualTo(5000);
    }

    /** Serves {@code x} until {@code size} bytes, counting what was asked for. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long served;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            served += n;
            return n;
        }
    }
}
