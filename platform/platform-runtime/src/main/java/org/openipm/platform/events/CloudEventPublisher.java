package org.openipm.platform.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.openipm.events.CloudEventHeaders;

/**
 * Publishes JSON events as CloudEvents 1.0 in binary mode ({@link CloudEventHeaders}). A plain idempotent producer
 * rather than an emitter: callers (the outbox relay above all) need the broker's acknowledgement per record, in
 * order, to decide what is safely published.
 */
@ApplicationScoped
public class CloudEventPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final String service;

    public CloudEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            EventSettings settings) {
        this.service = settings.service();
        this.producer = ReliableProducers.create(kafkaConfig, service + "-events", settings.lingerMs());
    }

    public CompletableFuture<RecordMetadata> publish(String topic, String key, UUID eventId, String type,
            Instant time, byte[] jsonPayload) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, null, key, jsonPayload,
                CloudEventHeaders.write(eventId, type, service, key, time)), (metadata, failure) -> {
                    if (failure == null) {
                        acknowledged.complete(metadata);
                    } else {
                        acknowledged.completeExceptionally(failure);
                    }
                });
        return acknowledged;
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
