package org.openipm.authentication.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;
import org.openipm.platform.events.RedrivableConsumer;

/**
 * Keeps the part of the catalogue this service needs (verified GTIN -> product -> brand) exactly once per event:
 * the event id is recorded in the transaction that applies it, and a snapshot older than the one applied is
 * ignored, so redeliveries, replays and out-of-order repeats change nothing.
 */
@ApplicationScoped
public class CatalogueHandler implements RedrivableConsumer {

    public static final String CONSUMER = "authentication-service.catalogue";
    private static final Set<String> PRODUCT_EVENTS = Set.of(EventTypes.PRODUCT_PUBLISHED,
            EventTypes.PRODUCT_DRAFTED, EventTypes.PRODUCT_RETIRED);

    private final ProcessedEventRepository processed;
    private final CatalogueRepository catalogue;
    private final ObjectMapper json;

    public CatalogueHandler(ProcessedEventRepository processed, CatalogueRepository catalogue, ObjectMapper json) {
        this.processed = processed;
        this.catalogue = catalogue;
        this.json = json;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public String sourceTopic() {
        return Topics.PRODUCT_EVENTS;
    }

    @Override
    public void apply(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!PRODUCT_EVENTS.contains(event.type())) {
            return;
        }
        ProductSnapshot snapshot = snapshotOf(event);
        QuarkusTransaction.requiringNew().run(() -> {
            if (processed.firstDelivery(event.id(), CONSUMER)) {
                catalogue.apply(snapshot);
            }
        });
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
