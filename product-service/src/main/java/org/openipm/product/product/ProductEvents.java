package org.openipm.product.product;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductDrafted;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductRetired;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.platform.outbox.Outbox;
import org.openipm.product.domain.ProductDetails;

/**
 * Turns a product change into its event (through the outbox) and its history entry, both inside the change's
 * transaction, so that neither exists without the other or without the change.
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

    /**
     * Records the change: {@code before} is null for a new product. The new state becomes its snapshot once, for
     * both the event and the history entry, which lists the snapshot's fields that changed.
     */
    public void changed(ProductDetails before, ProductDetails current, String kind, String changedBy) {
        ProductSnapshot after = ProductSnapshots.of(current);
        ProductChange change = new ProductChange();
        change.productId = after.productId();
        change.version = after.version();
        change.kind = kind;
        change.changedBy = changedBy;
        change.changedAt = after.changedAt();
        change.changes = differences(before == null ? null : ProductSnapshots.of(before), after);
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
