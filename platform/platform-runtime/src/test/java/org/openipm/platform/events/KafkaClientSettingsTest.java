package org.openipm.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform's own producers and consumers reach a secured cluster with the service's kafka.* settings. */
class KafkaClientSettingsTest {

    /** What Quarkus hands over as the default-kafka-broker configuration of a service on a SASL_SSL cluster. */
    private static Map<String, Object> serviceKafkaConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", "kafka-1:9093,kafka-2:9093");
        config.put("security.protocol", "SASL_SSL");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"product-service\" password=\"secret\";");
        config.put("ssl.truststore.location", "/etc/kafka/truststore.p12");
        config.put("ssl.truststore.password", "changeit");
        config.put("ssl.endpoint.identification.algorithm", "https");
        config.put("max.request.size", "2097152");
        config.put("acks", "1");
        config.put("auto.offset.reset", "latest");
        config.put("enable.auto.commit", "true");
        config.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("health-readiness-enabled", "true");
        return config;
    }

    @Test
    void producersGetTheSecuritySettingsAndKeepTheirGuarantees() {
        Map<String, Object> producer = KafkaClientSettings.producer(serviceKafkaConfig(), "product-service-events",
                5);
        assertThat(producer)
                .containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("ssl.truststore.password", "changeit")
                .containsEntry("ssl.endpoint.identification.algorithm", "https")
                .containsEntry("max.request.size", "2097152")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("linger.ms", 5)
                .containsEntry("client.id", "product-service-events")
                .doesNotContainKeys("auto.offset.reset", "enable.auto.commit", "value.serializer",
                        "health-readiness-enabled");
    }

    @Test
    void consumersGetTheSecuritySettingsAndCommitOnlyWhenTold() {
        Map<String, Object> consumer = KafkaClientSettings.consumer(serviceKafkaConfig(), "lookup.redrive",
                "lookup-redrive");
        assertThat(consumer)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .containsEntry("group.id", "lookup.redrive")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("auto.offset.reset", "earliest")
                .doesNotContainKeys("acks", "max.request.size", "value.serializer", "health-readiness-enabled");
    }
}
