package org.openipm.lookup.scan;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openipm.lookup.answers.MatchRow;

/**
 * The order an answer shows the products one GTIN designates, as the capped query orders them in SQL: each brand's
 * first before any brand's second, then by product id. Product ids compare as PostgreSQL compares uuids (unsigned
 * bytes, which is the order of their lower-case text), not as {@link java.util.UUID#compareTo} does.
 */
final class BrandFairOrder {

    private static final Comparator<MatchRow> BY_PRODUCT = Comparator.comparing(row -> row.productId().toString());

    private BrandFairOrder() {
    }

    /** One row per product. */
    static List<MatchRow> sorted(List<MatchRow> rows) {
        if (rows.size() < 2) {
            return List.copyOf(rows);
        }
        List<MatchRow> byProduct = rows.stream().sorted(BY_PRODUCT).toList();
        Map<String, Integer> seenPerBrand = new HashMap<>();
        Map<MatchRow, Integer> nth = new HashMap<>();
        for (MatchRow row : byProduct) {
            nth.put(row, seenPerBrand.merge(row.brandId(), 1, Integer::sum));
        }
        return byProduct.stream().sorted(Comparator.comparing((MatchRow row) -> nth.get(row)).thenComparing(BY_PRODUCT))
                .toList();
    }
}
