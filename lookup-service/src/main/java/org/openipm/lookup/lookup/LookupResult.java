package org.openipm.lookup.lookup;

import java.util.List;
import org.openipm.lookup.interpret.InterpretationView;

/**
 * The answer to a scan. {@code products} holds at most the configured number of products (20 by default);
 * {@code more} says that others matched too, {@code total} how many matched in all.
 */
public record LookupResult(InterpretationView interpretation, List<ProductMatch> products, boolean more, int total,
        List<Warning> warnings) {
}
