package org.openipm.platform.events;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * A consumer is then three lines: {@code return delivery.deliver(message, handler);}. A channel consumed in batches
 * ({@code batch=true}) calls {@link #deliverBatch} with a {@link BatchConsumer}: the same guarantees, one transaction
 * per poll instead of one per record.
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

    /**
     * The records of one poll ({@code batch=true}): each is read (an unreadable one goes to the dead-letter topic at
     * once), then what was read is applied in one attempt; should that fail for good, the batch is split until the
     * records that cannot apply are alone ({@link PoisonIsolation}): they go to the dead-letter topic with their
     * reason and the others are applied. A transient failure is waited out and the records not set aside are applied
     * again (the handler is idempotent). The batch is acknowledged only then; when the service stops mid-retry it
     * stays unacknowledged and is delivered again after the restart.
     */
    public <T> CompletionStage<Void> deliverBatch(Message<?> batch, BatchConsumer<T> handler) {
        String consumer = handler.consumerName();
        List<Read<T>> read = new ArrayList<>();
        try {
            for (ConsumerRecord<String, byte[]> record : recordsOf(batch)) {
                retry.untilDone(consumer, () -> readOrSetAside(record, handler).ifPresent(read::add));
            }
            Set<Read<T>> setAside = Collections.newSetFromMap(new IdentityHashMap<>());
            retry.untilDone(consumer, () -> PoisonIsolation.apply(
                    read.stream().filter(r -> !setAside.contains(r)).toList(),
                    part -> handler.applyAll(part.stream().map(Read::value).toList()),
                    TransientFailures::isTransient,
                    (culprit, reason) -> {
                        deadLetters.send(culprit.record(), reason);
                        setAside.add(culprit);
                    }));
        } catch (TransientRetry.ConsumerStoppingException stopping) {
            return CompletableFuture.completedFuture(null); // unacknowledged: delivered again after the restart
        }
        return batch.ack();
    }

    private <T> Optional<Read<T>> readOrSetAside(ConsumerRecord<String, byte[]> record, BatchConsumer<T> handler) {
        try {
            return handler.read(record).map(value -> new Read<>(record, value));
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            deadLetters.send(record, e);
            return Optional.empty();
        }
    }

    /** A record and what its handler read from it. */
    private record Read<T>(ConsumerRecord<String, byte[]> record, T value) {
    }

    @SuppressWarnings("unchecked")
    private static List<ConsumerRecord<String, byte[]>> recordsOf(Message<?> batch) {
        IncomingKafkaRecordBatchMetadata<String, byte[]> polled = batch.getMetadata(
                IncomingKafkaRecordBatchMetadata.class).orElseThrow();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
        polled.getRecords().forEach(records::add);
        return records;
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
