package org.openipm.lookup.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.Set;
import org.jboss.logging.Logger;
import org.openipm.events.EventTypes;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;

/**
 * Applies a product event exactly once: the event id is recorded in the same transaction as its effect. An event
 * that cannot be read is refused with {@link MalformedEventException}, which sends it to the dead-letter topic.
 */
@ApplicationScoped
public class ProductEventHandler {

    public static final String CONSUMER = "lookup-service.read-model";
    private static final Logger LOG = Logger.getLogger(ProductEventHandler.class);
    private static final Set<String> PRODUCT_EVENTS = Set.of(EventTypes.PRODUCT_PUBLISHED,
            EventTypes.PRODUCT_DRAFTED, EventTypes.PRODUCT_RETIRED);

    private final ProcessedEventRepository processed;
    private final ReadModelService readModel;
    private final ObjectMapper json;

    public ProductEventHandler(ProcessedEventRepository processed, ReadModelService readModel, ObjectMapper json) {
        this.processed = processed;
        this.readModel = readModel;
        this.json = json;
    }

    @Transactional
    public void handle(ReceivedEvent event) {
        if (!PRODUCT_EVENTS.contains(event.type())) {
            // A newer producer's event type this version does not know: not poison, just not ours to apply.
            LOG.debugf("Ignoring event %s of type %s", event.id(), event.type());
            return;
        }
        ProductSnapshot snapshot = snapshotOf(event);
        if (processed.firstDelivery(event.id(), CONSUMER)) {
            readModel.apply(snapshot);
        }
    }

    private ProductSnapshot snapshotOf(ReceivedEvent event) {
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
        return snapshot;
    }
}
