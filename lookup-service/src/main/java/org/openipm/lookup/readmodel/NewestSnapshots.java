package org.openipm.lookup.readmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.events.product.ProductSnapshot;

/**
 * Snapshots are full states, so of one poll only the newest per product needs applying, and ends exactly where
 * applying them one by one would. No framework types.
 */
final class NewestSnapshots {

    private NewestSnapshots() {
    }

    /**
     * One snapshot per product, the highest version; of equal versions the first received (one by one, the later
     * would be refused as not newer). Products keep the order in which they first appear.
     */
    static List<ProductSnapshot> of(List<ProductSnapshot> snapshots) {
        Map<UUID, ProductSnapshot> newest = new LinkedHashMap<>();
        for (ProductSnapshot s : snapshots) {
            newest.merge(s.productId(), s, (kept, next) -> next.version() > kept.version() ? next : kept);
        }
        return List.copyOf(newest.values());
    }
}
