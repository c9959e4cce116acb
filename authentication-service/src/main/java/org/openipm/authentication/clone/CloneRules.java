package org.openipm.authentication.clone;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A brand's limits on how often one code may be verified GENUINE before it counts as copied: one for all its
 * products ({@code maxVerifications}, null = the service's default) and one per product. Also the audited state.
 */
public record CloneRules(Integer maxVerifications, Map<UUID, Integer> products) {

    public static final int MIN = 1;
    public static final int MAX = 1_000_000;

    public CloneRules {
        products = products == null ? Map.of() : new TreeMap<>(products);
    }

    public static CloneRules none() {
        return new CloneRules(null, Map.of());
    }

    /** The limit for one product: its own, else the brand's, else {@code fallback}; and where it comes from. */
    public VerificationLimit limitFor(UUID productId, int fallback) {
        Integer own = productId == null ? null : products.get(productId);
        if (own != null) {
            return new VerificationLimit(own, "the product's limit");
        }
        if (maxVerifications != null) {
            return new VerificationLimit(maxVerifications, "the brand's limit");
        }
        return new VerificationLimit(fallback, "the default limit");
    }

    /** @param source why this limit applies, said in the verdict's reason */
    public record VerificationLimit(int maxVerifications, String source) {
    }
}
