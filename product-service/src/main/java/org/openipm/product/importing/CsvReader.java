package org.openipm.product.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, strictly: quoted fields may hold separators, quotes ("") and line breaks; anything else around a
 * quote is an error naming its line. A broken file is refused as a whole, because after a stray quote no row
 * boundary can be trusted.
 */
final class CsvReader {

    record Row(int line, List<String> fields) {
    }

    static final class MalformedCsvException extends RuntimeException {
        final int line;

        MalformedCsvException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }
    }

    private CsvReader() {
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean afterClosingQuote = false;
        boolean fieldStarted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterClosingQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (fieldStarted || afterClosingQuote) {
                        throw new MalformedCsvException(line, "a quote inside an unquoted field (quote the whole field and double the quote)");
                    }
                    quoted = true;
                    fieldStarted = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                    afterClosingQuote = false;
                }
                case '\r' -> {
                    // CRLF or a lone CR both end the row at the following character handling.
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        continue;
                    }
                    endRow(rows, fields, field, rowLine);
                    fieldStarted = false;
                    afterClosingQuote = false;
                    line++;
                    rowLine = line;
                }
                case '\n' -> {
                    endRow(rows, fields, field, rowLine);
                    fieldStarted = false;
                    afterClosingQuote = false;
                    line++;
                    rowLine = line;
                }
                default -> {
                    if (afterClosingQuote) {
                        throw new MalformedCsvException(line, "characters after a closing quote");
                    }
                    field.append(c);
                    fieldStarted = true;
                }
            }
        }
        if (quoted) {
            throw new MalformedCsvException(rowLine, "a quoted field is never closed");
        }
        if (fieldStarted || afterClosingQuote || !fields.isEmpty()) {
            endRow(rows, fields, field, rowLine);
        }
        return rows;
    }

    private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, int line) {
        fields.add(field.toString());
        field.setLength(0);
        boolean blank = fields.size() == 1 && fields.get(0).isBlank();
        if (!blank) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
        fields.clear();
    }
}
