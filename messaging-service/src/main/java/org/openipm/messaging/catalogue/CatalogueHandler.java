package org.openipm.messaging.catalogue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openipm.events.Topics;
import org.openipm.platform.events.ProcessedEventRepository;
import org.openipm.platform.events.ProductEventReader;
import org.openipm.platform.events.ReceivedEvent;
import org.openipm.platform.events.RedrivableConsumer;

/**
 * Keeps the part of the catalogue flagging needs exactly once per event: the event id is recorded in the
 * transaction that applies it, and a snapshot older than the one held is ignored, so redeliveries, replays and
 * out-of-order repeats change nothing.
 */
@ApplicationScoped
public class CatalogueHandler implements RedrivableConsumer {

    public static final String CONSUMER = "messaging-service.catalogue";

    private final ProcessedEventRepository processed;
    private final CatalogueRepository catalogue;
    private final ProductEventReader products;

    public CatalogueHandler(ProcessedEventRepository processed, CatalogueRepository catalogue,
            ProductEventReader products) {
        this.processed = processed;
        this.catalogue = catalogue;
        this.products = products;
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
        products.snapshotOf(event).ifPresent(snapshot -> QuarkusTransaction.requiringNew().run(() -> {
            if (processed.firstDelivery(event.id(), CONSUMER)) {
                catalogue.apply(snapshot);
            }
        }));
    }
}
