package org.openipm.product.importing;

/**
 * Why one row of an import was not applied; {@code line} is the row's first line in the uploaded file. The SKU and
 * the message are cut to what the job's error table keeps, so that a hostile row cannot make the report fail.
 */
public record RowFailure(int line, String sku, String message) {

    static final int MAX_SKU = 100;
    static final int MAX_MESSAGE = 2000;

    static RowFailure of(ImportRow row, String message) {
        return new RowFailure(row.line(), cut(row.sku(), MAX_SKU), cut(message, MAX_MESSAGE));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
