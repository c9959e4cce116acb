package org.openipm.platform.events;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Producers that wait for every in-sync replica and never write a record twice on retry, with every client
 * setting of the service's {@code kafka.*} configuration (see {@link KafkaClientSettings}).
 */
final class ReliableProducers {

    private ReliableProducers() {
    }

    static KafkaProducer<String, byte[]> create(Map<String, Object> kafkaConfig, String clientId, int lingerMs) {
        return new KafkaProducer<>(KafkaClientSettings.producer(kafkaConfig, clientId, lingerMs),
                new StringSerializer(), new ByteArraySerializer());
    }
}
