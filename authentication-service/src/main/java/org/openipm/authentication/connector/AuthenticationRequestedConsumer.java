package org.openipm.authentication.connector;

import io.smallrye.reactive.messaging.annotations.Blocking;
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
 * Kafka adapter of the connector workers. A record that can never be handled goes to
 * {@code authentication-requested.dlq.authentication-service} and the next one is served; each database step is
 * retried through transient failures (never dead-lettered), and the record is acknowledged once its verdict is
 * recorded.
 */
@ApplicationScoped
public class AuthenticationRequestedConsumer {

    private final AuthenticationWorker worker;
    private final DeadLetters deadLetters;
    private final TransientRetry retry;

    public AuthenticationRequestedConsumer(AuthenticationWorker worker, DeadLetters deadLetters,
            TransientRetry retry) {
        this.worker = worker;
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    @Incoming(Topics.AUTHENTICATION_REQUESTED)
    @Blocking(ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow().getRecord();
        try {
            worker.process(record, step -> retry.untilDone(AuthenticationWorker.CONSUMER, step));
        } catch (TransientRetry.ConsumerStoppingException stopping) {
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                return CompletableFuture.completedFuture(null);
            }
            try {
                retry.untilDone(AuthenticationWorker.CONSUMER, () -> deadLetters.send(record, e));
            } catch (TransientRetry.ConsumerStoppingException stopping) {
                return CompletableFuture.completedFuture(null);
            }
        }
        return message.ack();
    }
}
