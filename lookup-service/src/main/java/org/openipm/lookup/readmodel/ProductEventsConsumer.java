package org.openipm.lookup.readmodel;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.openipm.events.Topics;
import org.openipm.platform.events.TransientRetry;

/**
 * Kafka adapter of the read model. It takes the records of one poll as a batch: the handler applies them in
 * order (per partition, so the snapshots of one product keep the order the catalogue wrote them) in one
 * transaction, which is what lets a replay of the whole topic run at thousands of events per second. A record
 * that cannot be read or applied is set aside on {@code product-events.dlq.lookup-service} and the others still
 * apply; while the database is down the handler waits (the connector pauses the partitions meanwhile) and the
 * batch is acknowledged only once applied.
 * <p>
 * The pattern every consumer follows: acknowledge explicitly once handled, and leave the batch unacknowledged
 * when the service stops mid-retry, so it is delivered again rather than lost or dead-lettered.
 */
@ApplicationScoped
public class ProductEventsConsumer {

    private final ProductEventHandler handler;

    public ProductEventsConsumer(ProductEventHandler handler) {
        this.handler = handler;
    }

    @Incoming(Topics.PRODUCT_EVENTS)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordBatchMetadata<String, byte[]> polled = batch.getMetadata(
                IncomingKafkaRecordBatchMetadata.class).orElseThrow();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
        polled.getRecords().forEach(records::add);
        try {
            handler.handle(records);
        } catch (TransientRetry.ConsumerStoppingException stopping) {
            return CompletableFuture.completedFuture(null);
        }
        return batch.ack();
    }
}
