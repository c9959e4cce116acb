package org.openipm.authentication.connector;

import org.openipm.platform.events.EventSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openipm.authentication.provider.Provider;
import org.openipm.platform.events.KafkaClientSettings;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.provider.protocol.ProviderTopics;

/**
 * The Kafka connector's sending half: writes the signed query to {@code ssp.<provider id>.requests} (key = request
 * id, the Standard Webhooks headers as record headers) and returns once the broker holds it. The answer arrives
 * later on {@code ssp.<provider id>.replies} ({@link ProviderRepliesConsumer}).
 */
@ApplicationScoped
public class KafkaConnector {

    private final KafkaProducer<String, byte[]> producer;

    public KafkaConnector(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            EventSettings events) {
        this.producer = new KafkaProducer<>(KafkaClientSettings.producer(kafkaConfig, events.service() + "-provider-queries",
                0), new StringSerializer(), new ByteArraySerializer());
    }

    /** Throws {@link ProviderCallFailed} when the broker does not take the query within the provider's timeout. */
    public void send(Provider provider, MessageSignatures signatures, String requestId, String body) {
        RecordHeaders headers = new RecordHeaders();
        signatures.sign(requestId, Instant.now(), body)
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(ProviderTopics.requests(provider.id), null, requestId,
                    body.getBytes(StandardCharsets.UTF_8), headers)).get(provider.timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderCallFailed("interrupted while writing to the provider's request topic");
        } catch (Exception e) {
            throw new ProviderCallFailed("the provider's request topic " + ProviderTopics.requests(provider.id)
                    + " did not take the query: " + e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
