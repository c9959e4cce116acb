package org.openipm.lookup.scan;

import java.util.List;

/**
 * The answer to a scan. {@code matchedReading} names the reading of the code that found the products (the
 * {@code kind} of {@code interpretation} or of one of its {@code alternatives}: GS1_ELEMENT_STRING, IMEI, ...), null
 * when none found any. {@code products} holds at most the configured number of products (20 by default);
 * {@code more} says that others matched too, {@code total} how many matched in all.
 */
public record LookupResult(InterpretationView interpretation, String matchedReading, List<ProductMatch> products,
        boolean more, int total, List<Warning> warnings) {
}
