package dev.debrief.bootstrap.export;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: CRLF line ends, quoted cells, doubled quotes. */
final class CsvReader {

    private CsvReader() {
    }

    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        boolean atCellStart = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (atCellStart && c == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("unterminated quoted cell");
                    }
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        cell.append(q);
                        i++;
                    }
                }
                atCellStart = false;
            } else if (c == delimiter) {
                row.add(cell.toString());
                cell.setLength(0);
                atCellStart = true;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("bare CR outside quotes at " + i);
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                atCellStart = true;
                i += 2;
            } else if (c == '\n' || c == '"') {
                throw new IllegalArgumentException("bare " + (c == '"' ? "quote" : "LF") + " outside quotes at " + i);
            } else {
                cell.append(c);
                atCellStart = false;
                i++;
            }
        }
        if (!row.isEmpty() || cell.length() > 0) {
            throw new IllegalArgumentException("the last line does not end with CRLF");
        }
        return rows;
    }
}
