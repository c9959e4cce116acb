package org.openipm.product.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, strictly, read as a stream: quoted fields may hold separators, quotes ("") and line breaks;
 * anything else around a quote is an error naming its line. A broken file is refused as a whole, because after a
 * stray quote no row boundary can be trusted. No physical line may be longer than the limit, so one endless line
 * (or an unclosed quote over a whole file) is refused as soon as the limit is passed, not after it is all read.
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

    private static final int NONE = -2;

    private final Reader in;
    private final LineLimit lineLimit;
    private int peeked = NONE;
    private boolean first = true;

    CsvReader(Reader in, int maxLineLength) {
        this.in = in;
        this.lineLimit = new LineLimit(maxLineLength);
    }

    /** The next row that is not blank, or null at the end of the input. */
    Row next() throws IOException {
        Row row;
        do {
            row = readRow();
        } while (row != null && row.fields().size() == 1 && row.fields().get(0).isBlank());
        return row;
    }

    private Row readRow() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int rowLine = lineLimit.line();
        boolean quoted = false;
        boolean afterClosingQuote = false;
        boolean fieldStarted = false;
        while (true) {
            int c = read();
            if (c == -1) {
                if (quoted) {
                    throw new MalformedCsvException(rowLine, "a quoted field is never closed");
                }
                if (fieldStarted || afterClosingQuote || !fields.isEmpty()) {
                    fields.add(field.toString());
                    return new Row(rowLine, List.copyOf(fields));
                }
                return null;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                        afterClosingQuote = true;
                    }
                } else {
                    field.append((char) c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (fieldStarted || afterClosingQuote) {
                        throw new MalformedCsvException(lineLimit.line(),
                                "a quote inside an unquoted field (quote the whole field and double the quote)");
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
                case '\r', '\n' -> {
                    if (c == '\r' && peek() == '\n') {
                        read();
                    }
                    fields.add(field.toString());
                    return new Row(rowLine, List.copyOf(fields));
                }
                default -> {
                    if (afterClosingQuote) {
                        throw new MalformedCsvException(lineLimit.line(), "characters after a closing quote");
                    }
                    field.append((char) c);
                    fieldStarted = true;
                }
            }
        }
    }

    private int read() throws IOException {
        int c = peeked != NONE ? peeked : in.read();
        peeked = NONE;
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                return read();
            }
        }
        if (c == '\r') {
            // A lone CR ends a line as LF does; CRLF is counted once, at its LF.
            if (peek() != '\n') {
                lineLimit.endLine();
            }
        } else if (c == '\n') {
            lineLimit.endLine();
        } else if (c != -1) {
            lineLimit.count();
        }
        return c;
    }

    private int peek() throws IOException {
        if (peeked == NONE) {
            peeked = in.read();
        }
        return peeked;
    }
}
