package org.openipm.product.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openipm.product.domain.CodePattern;
import org.openipm.product.domain.Feature;
import org.openipm.product.domain.ProductDetails;
import org.openipm.product.domain.TacRange;
import org.openipm.product.domain.TradePartner;

/** A product as the API shows it, with the warnings its brand should act on. */
public record ProductView(UUID id, String brandId, String sku, String name, String category, String description,
        String status, long version, List<String> gtins, List<String> verifiedGtins, List<TacRange> tacRanges, List<CodePattern> codePatterns,
        List<Feature> features, List<TradePartner> tradePartners, List<String> imageIds, List<String> warnings,
        Instant updatedAt) {

    /**
     * Covert features are included: only the owning brand, officers and admins can read products here, and those
     * are exactly the roles allowed to see them.
     */
    static ProductView of(ProductDetails p, List<String> warnings) {
        return new ProductView(p.id(), p.brandId(), p.sku(), p.name(), p.category().name(), p.description(),
                p.status().name(), p.version(), p.gtins(), p.verifiedGtins(), p.tacRanges(), p.codePatterns(),
                p.features(), p.tradePartners(), p.imageIds(), warnings, p.updatedAt());
    }
}
