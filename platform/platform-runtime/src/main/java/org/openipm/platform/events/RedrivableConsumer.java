package org.openipm.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumer whose dead-letter topic an operator can feed back to it once the cause is fixed (see
 * {@link DeadLetterRedrive}). A service exposes each of its consumers by making its handler implement this.
 */
public interface RedrivableConsumer {

    /** The consumer's name, as recorded in {@code processed_event} and used in the admin path. */
    String consumerName();

    /** The topic it consumes; its dead letters are on {@code Topics.deadLetterOf(topic, service)}. */
    String sourceTopic();

    /**
     * Applies one record exactly as the live consumer does (idempotently, by event id), in one attempt: throws when
     * it cannot be applied, whether for good or for now (the re-drive tells which by {@link TransientFailures}).
     */
    void apply(ConsumerRecord<String, byte[]> record);
}
