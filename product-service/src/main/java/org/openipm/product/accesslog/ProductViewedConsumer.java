package org.openipm.product.accesslog;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.openipm.events.Topics;
import org.openipm.platform.events.DeadLetters;
import org.openipm.platform.events.TransientFailures;
import org.openipm.platform.events.TransientRetry;

/**
 * Kafka adapter for {@code product-viewed}. A record that can never be applied (unreadable, or refused by the
 * database for its data) goes to the dead-letter topic {@code product-viewed.dlq.product-service} and the
 * consumer moves on; while the database is down the record is retried with backoff until it applies (the
 * connector pauses the partitions meanwhile), and it is acknowledged only then.
 */
@ApplicationScoped
public class ProductViewedConsumer {

    private final ProductViewedHandler handler;
    private final DeadLetters deadLetters;
    private final TransientRetry retry;

    public ProductViewedConsumer(ProductViewedHandler handler, DeadLetters deadLetters, TransientRetry retry) {
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    @Incoming(Topics.PRODUCT_VIEWED)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow().getRecord();
        try {
            retry.untilDone(ProductViewedHandler.CONSUMER, () -> applyOrSetAside(record));
        } catch (TransientRetry.ConsumerStoppingException stopping) {
            // Left unacknowledged: delivered again after the restart.
            return CompletableFuture.completedFuture(null);
        }
        return message.ack();
    }

    private void applyOrSetAside(ConsumerRecord<String, byte[]> record) {
        try {
            handler.apply(record);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            deadLetters.send(record, e);
        }
    }
}
