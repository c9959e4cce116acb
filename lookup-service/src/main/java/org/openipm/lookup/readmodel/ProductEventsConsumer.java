package org.openipm.lookup.readmodel;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openipm.events.Topics;
import org.openipm.platform.events.ReceivedEvent;

/**
 * Kafka adapter of the read model: reads the CloudEvents envelope and hands over. Records are processed one at a
 * time in partition order, so the snapshots of one product are applied in the order the catalogue wrote them; a
 * record that fails goes to {@code product-events.dlq.lookup-service} and the next one is processed.
 */
@ApplicationScoped
public class ProductEventsConsumer {

    private final ProductEventHandler handler;

    public ProductEventsConsumer(ProductEventHandler handler) {
        this.handler = handler;
    }

    @Incoming(Topics.PRODUCT_EVENTS)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        handler.handle(ReceivedEvent.of(record));
    }
}
