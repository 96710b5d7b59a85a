package dev.debrief.bootstrap.export;

import dev.debrief.adapter.rest.shared.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The escaping table of {@link Csv}: RFC 4180 quoting and the formula guard, per delimiter. */
class CsvTest {

    static Stream<Arguments> commaCells() {
        return Stream.of(
                Arguments.of(null, ""),
                Arguments.of("", ""),
                Arguments.of("plain", "plain"),
                Arguments.of("two words", "two words"),
                Arguments.of(" padded ", " padded "),
                Arguments.of("Acme, Inc.", "\"Acme, Inc.\""),
                Arguments.of("semi;colon", "semi;colon"),
                Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
                Arguments.of("\"", "\"\"\"\""),
                Arguments.of("line one\nline two", "\"line one\nline two\""),
                Arguments.of("line one\r\nline two", "\"line one\r\nline two\""),
                Arguments.of("ends with\r", "\"ends with\r\""),
                Arguments.of("=1+2", "'=1+2"),
                Arguments.of("+49 30 1234", "'+49 30 1234"),
                Arguments.of("-5", "'-5"),
                Arguments.of("@SUM(A1:A2)", "'@SUM(A1:A2)"),
                Arguments.of("\tindented", "'\tindented"),
                Arguments.of("\rcarriage", "\"'\rcarriage\""),
                Arguments.of("=HYPERLINK(\"evil\")", "\"'=HYPERLINK(\"\"evil\"\")\""),
                Arguments.of("=A1,B1", "\"'=A1,B1\""),
                Arguments.of("a=b", "a=b"),
                Arguments.of("1-2", "1-2"),
                Arguments.of("'quoted already", "'quoted already"),
                Arguments.of("48000.00", "48000.00"),
                Arguments.of("2026-11-20T10:15:30Z", "2026-11-20T10:15:30Z"),
                Arguments.of("NEW_MARKET|BIGGER_DEAL", "NEW_MARKET|BIGGER_DEAL"),
                Arguments.of("Zoë · 東京", "Zoë · 東京"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("commaCells")
    void escapesACellForCommaSeparatedFiles(String text, String written) {
        assertThat(new Csv(',').cell(text)).isEqualTo(written);
    }

    static Stream<Arguments> semicolonCells() {
        return Stream.of(
                Arguments.of("Acme, Inc.", "Acme, Inc."),
                Arguments.of("semi;colon", "\"semi;colon\""),
                Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
                Arguments.of("a\nb", "\"a\nb\""),
                Arguments.of("=1;2", "\"'=1;2\""),
                Arguments.of("-1,5", "'-1,5"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("semicolonCells")
    void escapesACellForSemicolonSeparatedFiles(String text, String written) {
        assertThat(new Csv(';').cell(text)).isEqualTo(written);
    }

    @Test
    void writesARowWithTheDelimiterAndCrlf() throws IOException {
        StringWriter out = new StringWriter();
        new Csv(',').row(out, "id", null, "a,b", "", "=x");
        new Csv(',').row(out, "second");
        assertThat(out.toString()).isEqualTo("id,,\"a,b\",,'=x\r\nsecond\r\n");

        StringWriter semicolons = new StringWriter();
        new Csv(';').row(semicolons, "a,b", "c;d");
        assertThat(semicolons.toString()).isEqualTo("a,b;\"c;d\"\r\n");
    }

    @Test
    void writesNumbersAsTheyAreAndGuardsText() throws IOException {
        StringWriter out = new StringWriter();
        new Csv(',').values(out, java.util.Arrays.asList(-3L, 12, new java.math.BigDecimal("-0.0500"), new java.math.BigDecimal("1E+3"),
                "-5", "@Evil", null, "a,b", java.time.LocalDate.of(2026, 3, 1)));
        assertThat(out.toString()).isEqualTo("-3,12,-0.0500,1000,'-5,'@Evil,,\"a,b\",2026-03-01\r\n");
    }

    @Test
    void aRowOfOnlyEmptyCellsKeepsItsDelimiters() throws IOException {
        StringWriter out = new StringWriter();
        new Csv(',').row(out, null, null, null);
        assertThat(out.toString()).isEqualTo(",,\r\n");
    }

    @Test
    void theBomIsUtf8sByteOrderMark() {
        assertThat(Csv.BOM).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(Csv.BOM, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
    }

    @Test
    void refusesADelimiterThatWouldBreakTheFormat() {
        for (char bad : new char[]{'"', '\r', '\n', '\''}) {
            assertThatThrownBy(() -> new Csv(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameTextWithTheGuardInFront() throws IOException {
        String[] cells = {"=HYPERLINK(\"evil\")", "a,b", "x\r\ny", "\"", "", "plain"};
        StringWriter out = new StringWriter();
        new Csv(',').row(out, cells);
        assertThat(CsvReader.parse(out.toString(), ',')).containsExactly(
                java.util.List.of("'=HYPERLINK(\"evil\")", "a,b", "x\r\ny", "\"", "", "plain"));
    }
}
