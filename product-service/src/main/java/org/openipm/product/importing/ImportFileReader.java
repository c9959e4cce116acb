package org.openipm.product.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openipm.product.product.Category;
import org.openipm.product.product.ProductRequest;
import org.openipm.product.product.ProductStatus;

/**
 * Turns an upload into rows. Structural faults (not UTF-8, broken CSV quoting, unknown or missing columns) reject
 * the whole upload; a fault inside one row only rejects that row.
 * <p>
 * CSV columns: {@code sku,name,category,description,status,gtins,tac_ranges,code_pattern}; {@code gtins} and
 * {@code tac_ranges} hold several values separated by {@code |}, a TAC range is {@code first-last} or one TAC.
 * JSON Lines: one product object per line, as the products API takes it.
 */
final class ImportFileReader {

    static final int MAX_ROWS = 100_000;
    static final Set<String> CSV_COLUMNS = Set.of("sku", "name", "category", "description", "status", "gtins",
            "tac_ranges", "code_pattern");
    private static final List<String> REQUIRED = List.of("sku", "name", "category");

    static final class RejectedUploadException extends RuntimeException {
        RejectedUploadException(String message) {
            super(message);
        }
    }

    private final ObjectMapper json;

    ImportFileReader(ObjectMapper json) {
        this.json = json;
    }

    List<ImportRow> read(ImportJob.Format format, byte[] content) {
        String text = utf8(content);
        List<ImportRow> rows = format == ImportJob.Format.CSV ? csv(text) : jsonLines(text);
        if (rows.isEmpty()) {
            throw new RejectedUploadException("The upload holds no product rows");
        }
        if (rows.size() > MAX_ROWS) {
            throw new RejectedUploadException("The upload holds " + rows.size() + " rows; at most " + MAX_ROWS
                    + " per import");
        }
        return rows;
    }

    private List<ImportRow> csv(String text) {
        List<CsvReader.Row> records;
        try {
            records = CsvReader.parse(text);
        } catch (CsvReader.MalformedCsvException e) {
            throw new RejectedUploadException("Malformed CSV at " + e.getMessage());
        }
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.trim().toLowerCase()).toList();
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
        List<ImportRow> rows = new ArrayList<>(records.size());
        for (CsvReader.Row record : records.subList(1, records.size())) {
            Map<String, String> values = new HashMap<>();
            if (record.fields().size() != header.size()) {
                rows.add(ImportRow.unreadable(record.line(), null, "has " + record.fields().size()
                        + " fields, the header has " + header.size()));
                continue;
            }
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), record.fields().get(i).trim());
            }
            rows.add(csvRow(record.line(), values));
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

    private List<ImportRow> jsonLines(String text) {
        List<ImportRow> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                rows.add(ImportRow.of(i + 1, json.readValue(line, ProductRequest.class)));
            } catch (JsonProcessingException e) {
                rows.add(ImportRow.unreadable(i + 1, null, "not a product object: " + e.getOriginalMessage()));
            }
        }
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

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedUploadException("The upload is not UTF-8 text");
        }
    }
}
