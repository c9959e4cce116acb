package org.openipm.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.openipm.events.EventTypes;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;

/**
 * How every service that keeps a copy of the catalogue reads {@code product-events}: published, drafted and
 * retired events carry the product's whole snapshot, and the newest snapshot is the product. An event type this
 * version does not know is skipped rather than dead-lettered (product-service may add types before its consumers
 * learn them); a known type without a usable snapshot can never apply and is poison.
 */
@ApplicationScoped
public class ProductEventReader {

    private static final Set<String> SNAPSHOT_EVENTS = Set.of(EventTypes.PRODUCT_PUBLISHED,
            EventTypes.PRODUCT_DRAFTED, EventTypes.PRODUCT_RETIRED);

    private final ObjectMapper json;

    public ProductEventReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The snapshot an event carries; empty for a type that carries none.
     *
     * @throws MalformedEventException when the event should carry a snapshot but has none with id, brand and status
     */
    public Optional<ProductSnapshot> snapshotOf(ReceivedEvent event) {
        if (!SNAPSHOT_EVENTS.contains(event.type())) {
            return Optional.empty();
        }
        ProductSnapshot snapshot;
        try {
            JsonNode product = json.readTree(event.payload()).get("product");
            snapshot = product == null || !product.isObject() ? null : json.treeToValue(product, ProductSnapshot.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.id() + " is not a product event: " + e.getMessage());
        }
        if (snapshot == null || snapshot.productId() == null || snapshot.brandId() == null
                || snapshot.status() == null) {
            throw new MalformedEventException("event " + event.id() + " has no product snapshot with id, brand and "
                    + "status");
        }
        return Optional.of(snapshot);
    }
}
