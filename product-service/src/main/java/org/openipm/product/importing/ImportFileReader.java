package org.openipm.product.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openipm.platform.problem.JsonErrors;
import org.openipm.product.domain.Category;
import org.openipm.product.product.ProductRequest;
import org.openipm.product.domain.ProductStatus;

/**
 * Turns an upload into rows. Structural faults (not UTF-8, broken CSV quoting, unknown or missing columns) reject
 * the whole upload; a fault inside one row only rejects that row.
 * <p>
 * CSV columns: {@code sku,name,category,description,status,gtins,tac_ranges,code_pattern}; {@code gtins} and
 * {@code tac_ranges} hold several values separated by {@code |}, a TAC range is {@code first-last} or one TAC.
 * JSON Lines: one product object per line, as the products API takes it.
 * <p>
 * Limits (see {@link ImportLimits}): at most {@code max-rows} product rows and {@code max-line-length} characters
 * per line; reading stops at the first one passed, and the upload is refused naming it.
 */
final class ImportFileReader {

    static final Set<String> CSV_COLUMNS = Set.of("sku", "name", "category", "description", "status", "gtins",
            "tac_ranges", "code_pattern");
    private static final List<String> REQUIRED = List.of("sku", "name", "category");

    /** Why an upload is refused as a whole: {@code kind} and {@code status} as the problem answer carries them. */
    static final class RejectedUploadException extends RuntimeException {
        final String kind;
        final int status;

        RejectedUploadException(String message) {
            this("malformed-import", 400, message);
        }

        RejectedUploadException(String kind, int status, String message) {
            super(message);
            this.kind = kind;
            this.status = status;
        }
    }

    private final ObjectMapper json;
    private final int maxRows;
    private final int maxLineLength;

    ImportFileReader(ObjectMapper json, int maxRows, int maxLineLength) {
        this.json = json;
        this.maxRows = maxRows;
        this.maxLineLength = maxLineLength;
    }

    /** Reads the upload as a stream; it stops at the first line past the length limit or the row past the limit. */
    List<ImportRow> read(ImportFormat format, byte[] content) {
        List<ImportRow> rows;
        try (Reader text = utf8(content)) {
            rows = format == ImportFormat.CSV ? csv(text) : jsonLines(text);
        } catch (CharacterCodingException e) {
            throw new RejectedUploadException("The upload is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LineLimit.LineTooLongException e) {
            throw new RejectedUploadException("import-line-too-long", 413, "Line " + e.line + " is longer than "
                    + maxLineLength + " characters; no line of an import may be longer");
        }
        if (rows.isEmpty()) {
            throw new RejectedUploadException("The upload holds no product rows");
        }
        return rows;
    }

    private void add(List<ImportRow> rows, ImportRow row) {
        if (rows.size() == maxRows) {
            throw new RejectedUploadException("import-too-many-rows", 413, "The upload holds more than " + maxRows
                    + " rows (reading stopped at line " + row.line() + "); split it into several imports");
        }
        rows.add(row);
    }

    private List<ImportRow> csv(Reader text) throws IOException {
        CsvReader csv = new CsvReader(text, maxLineLength);
        CsvReader.Row headerRow;
        try {
            headerRow = csv.next();
        } catch (CsvReader.MalformedCsvException e) {
            throw new RejectedUploadException("Malformed CSV at " + e.getMessage());
        }
        if (headerRow == null) {
            return List.of();
        }
        List<String> header = headerRow.fields().stream().map(h -> h.trim().toLowerCase()).toList();
        for (String column : header) {
            if (!CSV_COLUMNS.contains(column)) {
                throw new RejectedUploadException("Unknown CSV column '" + column + "'; known columns: "
                        + String.join(", ", CSV_COLUMNS.stream().sorted().toList()));
            }
        }
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                throw new RejectedUploadException("The CSV header lacks the column '" + required + "'");
            }
        }
        List<ImportRow> rows = new ArrayList<>();
        try {
            for (CsvReader.Row record = csv.next(); record != null; record = csv.next()) {
                if (record.fields().size() != header.size()) {
                    add(rows, ImportRow.unreadable(record.line(), null, "has " + record.fields().size()
                            + " fields, the header has " + header.size()));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), record.fields().get(i).trim());
                }
                add(rows, csvRow(record.line(), values));
            }
        } catch (CsvReader.MalformedCsvException e) {
            throw new RejectedUploadException("Malformed CSV at " + e.getMessage());
        }
        return rows;
    }
    private static ImportRow csvRow(int line, Map<String, String> values) {
        String sku = blankToNull(values.get("sku"));
        Category category;
        ProductStatus status;
        try {
            category = Category.valueOf(values.getOrDefault("category", "").toUpperCase());
        } catch (IllegalArgumentException e) {
            return ImportRow.unreadable(line, sku, "category: unknown category '" + values.get("category") + "'");
        }
        try {
            String given = blankToNull(values.get("status"));
            status = given == null ? null : ProductStatus.valueOf(given.toUpperCase());
        } catch (IllegalArgumentException e) {
            return ImportRow.unreadable(line, sku, "status: must be DRAFT, PUBLISHED or RETIRED");
        }
        List<ProductRequest.TacRangeRequest> ranges = split(values.get("tac_ranges")).stream().map(r -> {
            String[] ends = r.split("-", 2);
            return new ProductRequest.TacRangeRequest(ends[0].trim(), ends.length == 2 ? ends[1].trim() : null);
        }).toList();
        String pattern = blankToNull(values.get("code_pattern"));
        List<ProductRequest.CodePatternRequest> patterns = pattern == null ? List.of()
                : List.of(new ProductRequest.CodePatternRequest(null, pattern, null));
        return ImportRow.of(line, new ProductRequest(null, sku, blankToNull(values.get("name")), category,
                blankToNull(values.get("description")), status, split(values.get("gtins")), ranges, patterns,
                List.of(), List.of()));
    }

    private List<ImportRow> jsonLines(Reader text) throws IOException {
        List<ImportRow> rows = new ArrayList<>();
        LineLimit lines = new LineLimit(maxLineLength);
        StringBuilder line = new StringBuilder();
        int c;
        do {
            c = text.read();
            if (c != '\n' && c != -1) {
                lines.count();
                line.append((char) c);
                continue;
            }
            String object = line.toString().trim();
            line.setLength(0);
            int number = lines.line();
            lines.endLine();
            if (object.isEmpty()) {
                continue;
            }
            try {
                add(rows, ImportRow.of(number, json.readValue(object, ProductRequest.class)));
            } catch (JsonProcessingException e) {
                add(rows, ImportRow.unreadable(number, null, "not a product object: " + JsonErrors.describe(e)));
            }
        } while (c != -1);
        return rows;
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Reader utf8(byte[] content) {
        // Strict decoding: a byte sequence that is not UTF-8 fails the read instead of becoming U+FFFD.
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
    }
}
