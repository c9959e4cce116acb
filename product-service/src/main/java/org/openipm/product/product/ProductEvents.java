package org.openipm.product.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductDrafted;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductRetired;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.platform.outbox.Outbox;
import org.openipm.product.brand.Brand;

/**
 * Turns a committed product state into its event and its history entry, both inside the change's transaction.
 */
@ApplicationScoped
public class ProductEvents {

    private final Outbox outbox;
    private final ProductChangeRepository history;
    private final ObjectMapper json;

    public ProductEvents(Outbox outbox, ProductChangeRepository history, ObjectMapper json) {
        this.outbox = outbox;
        this.history = history;
        this.json = json;
    }

    /** {@code verifiedGtins}: those of {@code gtins} the brand is known to own (see GtinOwnership). */
    public static ProductSnapshot snapshot(Product product, Brand brand, List<String> gtins, List<String> imageIds,
            List<String> verifiedGtins) {
        return new ProductSnapshot(product.id, brand.id, brand.name, List.copyOf(brand.companyPrefixes),
                product.sku, product.name, product.category.name(), product.description, product.status.name(),
                product.version, gtins, List.copyOf(product.tacRanges), List.copyOf(product.codePatterns),
                List.copyOf(product.features), List.copyOf(product.tradePartners), List.copyOf(brand.contacts),
                imageIds, product.updatedAt, List.copyOf(verifiedGtins));
    }

    /** Records the change: {@code before} is null for a new product. */
    public void changed(ProductSnapshot before, ProductSnapshot after, String kind, String changedBy) {
        ProductChange change = new ProductChange();
        change.productId = after.productId();
        change.version = after.version();
        change.kind = kind;
        change.changedBy = changedBy;
        change.changedAt = after.changedAt();
        change.changes = differences(before, after);
        history.persist(change);
        String key = after.productId().toString();
        Instant at = after.changedAt();
        switch (after.status()) {
            case "PUBLISHED" -> outbox.record(Topics.PRODUCT_EVENTS, key, EventTypes.PRODUCT_PUBLISHED, at,
                    new ProductPublished(after));
            case "RETIRED" -> outbox.record(Topics.PRODUCT_EVENTS, key, EventTypes.PRODUCT_RETIRED, at,
                    new ProductRetired(after));
            default -> outbox.record(Topics.PRODUCT_EVENTS, key, EventTypes.PRODUCT_DRAFTED, at,
                    new ProductDrafted(after));
        }
    }

    private Map<String, ProductChange.FieldChange> differences(ProductSnapshot before, ProductSnapshot after) {
        @SuppressWarnings("unchecked")
        Map<String, Object> old = before == null ? Map.of() : json.convertValue(before, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> now = json.convertValue(after, Map.class);
        Map<String, ProductChange.FieldChange> changes = new LinkedHashMap<>();
        for (var entry : now.entrySet()) {
            String field = entry.getKey();
            if (field.equals("version") || field.equals("changedAt") || field.equals("productId")) {
                continue;
            }
            Object previous = old.get(field);
            if (!Objects.equals(previous, entry.getValue())) {
                changes.put(field, new ProductChange.FieldChange(previous, entry.getValue()));
            }
        }
        return changes;
    }
}
