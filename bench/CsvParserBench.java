import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The two CSV libraries considered for the import (issue 12, item 10), side by side on the same file:
 * N rows shaped like the export (26 columns, some quoted cells with delimiters, doubled quotes and line
 * breaks), read record by record from a UTF-8 file as the import reads it. Each library reads the file
 * W times to warm up, then R timed runs; prints the median and the rows/s, and the checksum (cells and
 * characters seen) so both are known to have read the same thing.
 *
 * Usage: java -cp fastcsv.jar:commons-csv.jar:commons-io.jar:commons-codec.jar bench/CsvParserBench.java [rows] [warmups] [runs]
 */
public class CsvParserBench {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path file = Files.createTempFile("csv-bench", ".csv");
        try {
            write(file, rows);
            System.out.printf("file: %,d rows, %,d bytes; %d warm-up and %d timed runs each%n", rows, Files.size(file),
                    warmups, runs);
            bench("fastcsv 4.2.0", file, rows, warmups, runs, CsvParserBench::fastCsv);
            bench("commons-csv 1.14.1", file, rows, warmups, runs, CsvParserBench::commonsCsv);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    interface Parser {
        long read(Reader in) throws IOException;
    }

    static long fastCsv(Reader in) throws IOException {
        long sum = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(',').skipEmptyLines(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .build(CsvRecordHandler.builder().maxFieldSize(100_000).maxRecordSize(1_000_000).build(), in)) {
            for (CsvRecord record : reader) {
                for (String cell : record.getFields()) {
                    sum += 1 + cell.length();
                }
            }
        }
        return sum;
    }

    static long commonsCsv(Reader in) throws IOException {
        long sum = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                for (String cell : record) {
                    sum += 1 + cell.length();
                }
            }
        }
        return sum;
    }

    static void bench(String name, Path file, int rows, int warmups, int runs, Parser parser) throws IOException {
        long check = 0;
        for (int i = 0; i < warmups; i++) {
            check = once(file, parser);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long sum = once(file, parser);
            millis.add((System.nanoTime() - start) / 1e6);
            if (sum != check) {
                throw new IllegalStateException(name + " read differently");
            }
        }
        Collections.sort(millis);
        double median = millis.get(millis.size() / 2);
        System.out.printf("%-20s median %8.1f ms  (runs %s)  %,12.0f rows/s  checksum %d%n", name, median, millis,
                rows / (median / 1000), check);
    }

    static long once(Path file, Parser parser) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parser.read(in);
        }
    }

    static void write(Path file, int rows) throws IOException {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder();
        csv.append("id,source,external_id,occurred_at,name,account,owner_email,amount,currency,team,stage,segment,"
                + "persona,lead_source,pitched_at,pitched_term_months,competitor,outcome,closed_on,primary_reason,"
                + "contributing_reasons,stage_lost_at,fit,loss_competitor,what_happened,partner_reason_text\r\n");
        for (int i = 1; i <= rows; i++) {
            boolean lost = random.nextInt(3) == 0;
            csv.append("018f3c2e-7d4b-7a51-9d0e-").append(String.format("%012d", i)).append(",salesforce,006A")
                    .append(i).append(",2026-11-20T10:15:30.123456Z,")
                    .append(random.nextInt(10) == 0 ? "\"Deal " + i + ", renewal\"" : "Deal " + i).append(",Account ")
                    .append(i % 5000).append(",owner").append(i % 40).append("@example.com,")
                    .append(random.nextInt(100_000)).append(".00,EUR,Team ").append(i % 7).append(",PROPOSAL,ENTERPRISE,")
                    .append("CFO,INBOUND,2026-03-02,12,Globex,").append(lost ? "LOST" : "WON").append(",2026-11-19,");
            if (lost) {
                csv.append("PRICE_ONLY,SLOW_RESPONSE|NO_BUDGET,PROPOSAL,GOOD_FIT,Globex,")
                        .append(random.nextInt(4) == 0 ? "\"Line one\r\nLine two; \"\"quoted\"\", with a comma\"" : "Quote took three days")
                        .append(",Too expensive");
            } else {
                csv.append(",,,,,,");
            }
            csv.append("\r\n");
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }
}
