package org.openipm.authentication.catalogue;

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
 * Kafka adapter for {@code product-events}: a record that can never apply goes to
 * {@code product-events.dlq.authentication-service} and the consumer moves on; while the database is down the
 * record is retried with backoff and acknowledged only once applied.
 */
@ApplicationScoped
public class CatalogueConsumer {

    private final CatalogueHandler handler;
    private final DeadLetters deadLetters;
    private final TransientRetry retry;

    public CatalogueConsumer(CatalogueHandler handler, DeadLetters deadLetters, TransientRetry retry) {
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    @Incoming(Topics.PRODUCT_EVENTS)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow().getRecord();
        try {
            retry.untilDone(CatalogueHandler.CONSUMER, () -> applyOrSetAside(record));
        } catch (TransientRetry.ConsumerStoppingException stopping) {
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
