package org.openipm.platform.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openipm.events.CloudEventHeaders;

/**
 * Publishes JSON events as CloudEvents 1.0 in binary mode. A plain idempotent producer rather than an emitter:
 * callers (the outbox relay above all) need the broker's acknowledgement per record, in order, to decide what is
 * safely published.
 */
@ApplicationScoped
public class CloudEventPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final String source;

    public CloudEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "openipm.events.linger-ms", defaultValue = "1") int lingerMs) {
        // How long the producer waits to fill a batch: a service publishing many small, non-urgent events (the
        // lookups' product-viewed) trades a few milliseconds of delay for far fewer broker requests.
        this.producer = ReliableProducers.create(kafkaConfig, applicationName + "-events", lingerMs);
        this.source = "/openipm/" + applicationName;
    }

    public CompletableFuture<RecordMetadata> publish(String topic, String key, UUID eventId, String type,
            Instant time, byte[] jsonPayload) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, eventId.toString());
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TYPE, type);
        header(headers, CloudEventHeaders.TIME, time.toString());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(headers, CloudEventHeaders.SUBJECT, key);
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, null, key, jsonPayload, headers), (metadata, failure) -> {
            if (failure == null) {
                acknowledged.complete(metadata);
            } else {
                acknowledged.completeExceptionally(failure);
            }
        });
        return acknowledged;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
