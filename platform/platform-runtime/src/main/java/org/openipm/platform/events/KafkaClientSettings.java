package org.openipm.platform.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The client settings of the service's {@code kafka.*} configuration (bootstrap servers, {@code security.protocol},
 * {@code sasl.*}, {@code ssl.*}, timeouts, ...) for the producers and consumers the platform builds itself, so that
 * they reach a secured cluster exactly as the messaging channels do. Only settings the client type knows are kept
 * (a consumer setting given to a producer would only be logged as unknown); what the platform relies on (acks,
 * idempotence, commits) is then set over them.
 */
public final class KafkaClientSettings {

    private static final Set<String> PRODUCER_SETTINGS = ProducerConfig.configNames();
    private static final Set<String> CONSUMER_SETTINGS = ConsumerConfig.configNames();

    private KafkaClientSettings() {
    }

    /** An idempotent producer waiting for every in-sync replica. */
    public static Map<String, Object> producer(Map<String, Object> kafkaConfig, String clientId, int lingerMs) {
        Map<String, Object> config = known(kafkaConfig, PRODUCER_SETTINGS);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** A consumer that commits only when told to, reading committed records from the start of what is new to it. */
    public static Map<String, Object> consumer(Map<String, Object> kafkaConfig, String groupId, String clientId) {
        Map<String, Object> config = known(kafkaConfig, CONSUMER_SETTINGS);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private static Map<String, Object> known(Map<String, Object> kafkaConfig, Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((name, value) -> {
            if (value != null && names.contains(name)) {
                config.put(name, value);
            }
        });
        return config;
    }
}
