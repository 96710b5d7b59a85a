package dev.debrief.application.service.imports;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordsTest {

    private static List<String> rows(CsvRecords records) {
        List<String> rows = new ArrayList<>();
        List<String> cells;
        while ((cells = records.next()) != null) {
            rows.add(records.rowNumber() + ":" + cells);
        }
        return rows;
    }

    @Test
    void dropsTheByteOrderMarkAndDetectsTheSemicolon() {
        CsvRecords records = CsvRecords.open(new StringReader("\uFEFFname;\"a,b\";outcome\r\nAcme;x,y;OPEN\r\n"));

        assertThat(records.delimiter()).isEqualTo(';');
        assertThat(records.header()).containsExactly("name", "a,b", "outcome");
        assertThat(rows(records)).containsExactly("2:[Acme, x,y, OPEN]");
    }

    @Test
    void keepsQuotedDelimitersDoubledQuotesAndLineBreaksInOneRow() {
        CsvRecords records = CsvRecords.open(new StringReader(
                "name,note\n\"Acme, Inc\",\"He said \"\"no\"\"\r\nthen left\"\nGlobex,\n\nInitech,last"));

        assertThat(records.delimiter()).isEqualTo(',');
        assertThat(rows(records)).containsExactly("2:[Acme, Inc, He said \"no\"\r\nthen left]", "3:[Globex, ]", "4:[]",
                "5:[Initech, last]");
    }

    @Test
    void readsOldMacLineEndsAndAQuoteInsideAnUnquotedCellAsText() {
        CsvRecords records = CsvRecords.open(new StringReader("name,note\rAcme,5\" screen\r"));

        assertThat(rows(records)).containsExactly("2:[Acme, 5\" screen]");
    }

    @Test
    void anEmptyStreamHasNoHeader() {
        assertThat(CsvRecords.open(new StringReader(""))).isNull();
        assertThat(CsvRecords.open(new StringReader("\uFEFF"))).isNull();
    }
}
