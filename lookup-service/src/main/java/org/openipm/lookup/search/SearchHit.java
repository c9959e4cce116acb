package org.openipm.lookup.search;

import java.util.UUID;

public record SearchHit(UUID productId, String brandId, String brandName, String name, String category,
        double rank) {
}
