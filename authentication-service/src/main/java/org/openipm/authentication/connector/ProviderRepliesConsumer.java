package org.openipm.authentication.connector;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.openipm.platform.events.DeadLetters;
import org.openipm.platform.events.TransientFailures;
import org.openipm.platform.events.TransientRetry;

/**
 * Kafka adapter for every provider's reply topic ({@code ssp.<id>.replies}, one pattern subscription). A reply that
 * names no request or comes from no Kafka provider goes to {@code ssp.<id>.replies.dlq.authentication-service}.
 */
@ApplicationScoped
public class ProviderRepliesConsumer {

    static final String CHANNEL = "provider-replies";
    static final String CONSUMER = "authentication-service.provider-replies";

    private final ProviderReplyHandler handler;
    private final DeadLetters deadLetters;
    private final TransientRetry retry;

    public ProviderRepliesConsumer(ProviderReplyHandler handler, DeadLetters deadLetters, TransientRetry retry) {
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow().getRecord();
        try {
            handler.handle(record, step -> retry.untilDone(CONSUMER, step));
        } catch (TransientRetry.ConsumerStoppingException stopping) {
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                return CompletableFuture.completedFuture(null);
            }
            try {
                retry.untilDone(CONSUMER, () -> deadLetters.send(record, e));
            } catch (TransientRetry.ConsumerStoppingException stopping) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return message.ack();
    }
}
