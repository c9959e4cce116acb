package org.openipm.platform.events;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What every single-record Kafka consumer of the platform does around its handler, written once:
 * <ul>
 * <li>a transient failure (database or broker down, see {@link TransientFailures}) is retried with backoff until it
 * passes, so a valid event is never dead-lettered for an outage;</li>
 * <li>a record that can never apply goes to the consumer's dead-letter topic and the consumer moves on;</li>
 * <li>the record is acknowledged only then; when the service stops mid-retry it stays unacknowledged and is
 * delivered again after the restart.</li>
 * </ul>
 * A consumer is then three lines: {@code return delivery.deliver(message, handler);}.
 */
@ApplicationScoped
public class RecordDelivery {

    private final DeadLetters deadLetters;
    private final TransientRetry retry;

    public RecordDelivery(DeadLetters deadLetters, TransientRetry retry) {
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    /** The handler applies the record in one retried step (it is idempotent by event id). */
    public CompletionStage<Void> deliver(Message<byte[]> message, RedrivableConsumer handler) {
        return deliver(message, handler.consumerName(), (record, retried) -> retried.accept(() -> handler.apply(record)));
    }

    /**
     * For work made of several steps, each retried on its own (so that a step that must not run twice, such as a
     * call to another organisation, is not repeated when a later step waits out an outage).
     */
    public CompletionStage<Void> deliver(Message<byte[]> message, String consumer, StagedWork work) {
        ConsumerRecord<String, byte[]> record = recordOf(message);
        try {
            retry.untilDone(consumer, () -> runOrSetAside(record, consumer, work));
        } catch (TransientRetry.ConsumerStoppingException stopping) {
            return CompletableFuture.completedFuture(null); // unacknowledged: delivered again after the restart
        }
        return message.ack();
    }

    private void runOrSetAside(ConsumerRecord<String, byte[]> record, String consumer, StagedWork work) {
        try {
            work.run(record, step -> retry.untilDone(consumer, step));
        } catch (TransientRetry.ConsumerStoppingException stopping) {
            throw stopping;
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e; // an outage outside a step: the whole work runs again (handlers are idempotent)
            }
            deadLetters.send(record, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> recordOf(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
    }

    /** Work on one record whose steps run through {@code retried}. */
    @FunctionalInterface
    public interface StagedWork {
        void run(ConsumerRecord<String, byte[]> record, Consumer<Runnable> retried);
    }
}
