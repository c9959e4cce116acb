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
        String status, long version, List<String> gtins, List<TacRange> tacRanges, List<CodePattern> codePatterns,
        List<Feature> features, List<TradePartner> tradePartners, List<String> imageIds, List<String> warnings,
        Instant updatedAt) {

    static ProductView of(ProductSnapshot s, boolean showCovert, List<String> warnings) {
        List<Feature> features = showCovert ? s.features()
                : s.features().stream().filter(f -> !"COVERT".equals(f.visibility())).toList();
        return new ProductView(s.productId(), s.brandId(), s.sku(), s.name(), s.category(), s.description(),
                s.status(), s.version(), s.gtins(), s.tacRanges(), s.codePatterns(), features, s.tradePartners(),
                s.imageIds(), warnings, s.changedAt());
    }
}
