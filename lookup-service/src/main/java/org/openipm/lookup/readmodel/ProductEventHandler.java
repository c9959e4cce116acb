package org.openipm.lookup.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.openipm.events.EventTypes;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.platform.events.DeadLetters;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.ReceivedEvent.MalformedEventException;

/**
 * Applies product events exactly once: each event id is recorded in the same transaction as its effect, a whole
 * poll at a time. An event
 * that cannot be read ({@link MalformedEventException}) is set aside on the dead-letter topic.
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
    private final DeadLetters deadLetters;

    public ProductEventHandler(ProcessedEventRepository processed, ReadModelService readModel, ObjectMapper json,
            DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.processed = processed;
        this.readModel = readModel;
        this.json = json;
    }

    /**
     * Applies a batch in one transaction. Unreadable records are set aside first; if the transaction still fails,
     * each record is retried in a transaction of its own so that only the culprit is set aside.
     */
    public void handle(List<ConsumerRecord<String, byte[]>> records) {
        List<Readable> readable = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ReceivedEvent event = ReceivedEvent.of(record);
                if (PRODUCT_EVENTS.contains(event.type())) {
                    readable.add(new Readable(record, event, snapshotOf(event)));
                } else {
                    // A newer producer's event type this version does not know: not poison, just not ours.
                    LOG.debugf("Ignoring event %s of type %s", event.id(), event.type());
                }
            } catch (MalformedEventException e) {
                deadLetters.send(record, e);
            }
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> apply(readable));
        } catch (RuntimeException batchFailed) {
            for (Readable one : readable) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> apply(List.of(one)));
                } catch (RuntimeException e) {
                    deadLetters.send(one.record(), e);
                }
            }
        }
    }

    private void apply(List<Readable> batch) {
        Set<UUID> firstDeliveries = processed.firstDeliveries(batch.stream().map(r -> r.event().id()).toList(),
                CONSUMER);
        readModel.applyAll(batch.stream().filter(r -> firstDeliveries.contains(r.event().id()))
                .map(Readable::snapshot).toList());
    }

    private record Readable(ConsumerRecord<String, byte[]> record, ReceivedEvent event, ProductSnapshot snapshot) {
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
