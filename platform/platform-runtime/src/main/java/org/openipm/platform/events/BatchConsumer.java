package org.openipm.platform.events;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumer that applies the records of one poll together (see {@link RecordDelivery#deliverBatch}): each record
 * is read on its own, so an unreadable one is set aside before anything is written, then what was read is applied
 * in one attempt (one transaction). Applying must be idempotent by event id: after a transient failure the batch is
 * applied again, and Kafka may deliver a record twice.
 *
 * @param <T> a record as read, ready to apply
 */
public interface BatchConsumer<T> extends RedrivableConsumer {

    /**
     * The record as something to apply; empty when there is nothing to do for it (an event type this consumer does
     * not act on). Throws {@link ReceivedEvent.MalformedEventException} (or any permanent failure) for poison.
     */
    Optional<T> read(ConsumerRecord<String, byte[]> record);

    /** Applies the read records, in their order, all or nothing; throws when that cannot be done (for now or ever). */
    void applyAll(List<T> read);

    /** A dead letter re-driven on its own goes the same way as a batch of one. */
    @Override
    default void apply(ConsumerRecord<String, byte[]> record) {
        read(record).ifPresent(one -> applyAll(List.of(one)));
    }
}
