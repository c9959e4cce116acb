package org.openipm.product.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A product with everything the catalogue knows about it at one version: its brand as shown on it, its codes, which
 * of its GTINs the brand is known to own ({@code verifiedGtins}, see GtinOwnership) and its images. Services return
 * it; the REST views and the product-events snapshot are both made from it.
 */
public record ProductDetails(UUID id, BrandFacts brand, String sku, String name, Category category,
        String description, ProductStatus status, long version, List<String> gtins, List<String> verifiedGtins,
        List<TacRange> tacRanges, List<CodePattern> codePatterns, List<Feature> features,
        List<TradePartner> tradePartners, List<String> imageIds, Instant updatedAt) {

    public ProductDetails {
        gtins = List.copyOf(gtins);
        verifiedGtins = List.copyOf(verifiedGtins);
        tacRanges = List.copyOf(tacRanges);
        codePatterns = List.copyOf(codePatterns);
        features = List.copyOf(features);
        tradePartners = List.copyOf(tradePartners);
        imageIds = List.copyOf(imageIds);
    }

    public String brandId() {
        return brand.id();
    }

    public boolean verifies(String gtin14) {
        return verifiedGtins.contains(gtin14);
    }

    /**
     * Whether a brand's edit (or a re-imported row) would change nothing it controls. Brand facts, images and the
     * version are not compared: an unchanged row must not create a new version, history entry or event.
     */
    public boolean hasSameContentAs(ProductDetails other) {
        return sku.equals(other.sku) && name.equals(other.name) && category == other.category
                && Objects.equals(description, other.description) && status == other.status
                && gtins.equals(other.gtins) && tacRanges.equals(other.tacRanges)
                && codePatterns.equals(other.codePatterns) && features.equals(other.features)
                && tradePartners.equals(other.tradePartners);
    }

    /** Whether what the product shows of its brand differs: name, contacts, prefixes, or which GTINs are verified. */
    public boolean hasSameBrandFactsAs(ProductDetails other) {
        return brand.equals(other.brand) && verifiedGtins.equals(other.verifiedGtins);
    }
}
