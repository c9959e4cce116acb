package org.openipm.product.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.events.product.ProductSnapshot.CodePattern;
import org.openipm.events.product.ProductSnapshot.Feature;
import org.openipm.events.product.ProductSnapshot.TacRange;
import org.openipm.events.product.ProductSnapshot.TradePartner;

/** A product as the API shows it, with the warnings its brand should act on. */
public record ProductView(UUID id, String brandId, String sku, String name, String category, String description,
        String status, long version, List<String> gtins, List<String> verifiedGtins, List<TacRange> tacRanges, List<CodePattern> codePatterns,
        List<Feature> features, List<TradePartner> tradePartners, List<String> imageIds, List<String> warnings,
        Instant updatedAt) {

    /**
     * Covert features are included: only the owning brand, officers and admins can read products here, and those
     * are exactly the roles allowed to see them.
     */
    static ProductView of(ProductSnapshot s, List<String> warnings) {
        return new ProductView(s.productId(), s.brandId(), s.sku(), s.name(), s.category(), s.description(),
                s.status(), s.version(), s.gtins(), s.verifiedGtins(), s.tacRanges(), s.codePatterns(), s.features(), s.tradePartners(),
                s.imageIds(), warnings, s.changedAt());
    }
}
