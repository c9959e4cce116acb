package org.openipm.product.brand;

import java.util.Set;
import org.openipm.product.domain.BrandFacts;

/**
 * Fired (synchronously, inside the change's transaction) when something product snapshots carry about a brand
 * changed: its name, contacts, approved prefixes or individually licensed GTINs. The catalogue republishes the
 * affected products so that the lookup shows the change. {@code previous} and {@code previouslyLicensed} describe
 * the brand before the change; {@code onlyProductsWith} limits the republishing to products carrying one of those
 * GTINs (null: every product of the brand).
 */
public record BrandChanged(BrandFacts previous, Set<String> previouslyLicensed, Set<String> onlyProductsWith,
        String changedBy) {
}
