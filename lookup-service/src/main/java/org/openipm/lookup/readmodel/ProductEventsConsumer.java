package org.openipm.lookup.readmodel;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openipm.events.Topics;
import org.openipm.platform.events.ReceivedEvent;

/**
 * Kafka adapter of the read model. It takes the records of one poll as a batch: the handler applies them in
 * order (per partition, so the snapshots of one product keep the order the catalogue wrote them) in one
 * transaction, which is what lets a replay of the whole topic run at thousands of events per second. A record
 * that cannot be read is set aside on {@code product-events.dlq.lookup-service} and the others still apply.
 */
@ApplicationScoped
public class ProductEventsConsumer {

    private final ProductEventHandler handler;

    public ProductEventsConsumer(ProductEventHandler handler) {
        this.handler = handler;
    }

    @Incoming(Topics.PRODUCT_EVENTS)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        handler.handle(batch);
    }
}
