package org.openipm.product.product;

import org.openipm.events.product.ProductSnapshot;
import org.openipm.product.domain.BrandFacts;
import org.openipm.product.domain.ProductDetails;

/**
 * The one place a product becomes the {@code product-events} contract. The contract's records are kept apart from
 * the domain's so that a change of how the catalogue stores or shows a product cannot change what consumers read
 * without a change here (and in the contract's schema).
 */
final class ProductSnapshots {

    private ProductSnapshots() {
    }

    static ProductSnapshot of(ProductDetails product) {
        BrandFacts brand = product.brand();
        return new ProductSnapshot(product.id(), brand.id(), brand.name(), brand.companyPrefixes(), product.sku(),
                product.name(), product.category().name(), product.description(), product.status().name(),
                product.version(), product.gtins(),
                product.tacRanges().stream().map(t -> new ProductSnapshot.TacRange(t.firstTac(), t.lastTac()))
                        .toList(),
                product.codePatterns().stream()
                        .map(p -> new ProductSnapshot.CodePattern(p.patternId(), p.regex(), p.description()))
                        .toList(),
                product.features().stream()
                        .map(f -> new ProductSnapshot.Feature(f.kind(), f.title(), f.description(), f.location(),
                                f.howFakesDiffer(), f.visibility()))
                        .toList(),
                product.tradePartners().stream()
                        .map(t -> new ProductSnapshot.TradePartner(t.role(), t.name(), t.country())).toList(),
                brand.contacts().stream()
                        .map(c -> new ProductSnapshot.Contact(c.country(), c.language(), c.role(), c.name(),
                                c.email(), c.phone(), c.hours(), c.urgent()))
                        .toList(),
                product.imageIds(), product.updatedAt(), product.verifiedGtins());
    }
}
