package org.openipm.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.authentication.AuthenticationCompleted;
import org.openipm.testing.KafkaBroker;

/** Publishes authentication-completed events on the real broker, as authentication-service does. */
public final class Verdicts implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());

    public static AuthenticationCompleted counterfeit(String brand, String authority, String productId) {
        return new AuthenticationCompleted(UUID.randomUUID(), "COUNTERFEIT", 0.98, false, null,
                new AuthenticationCompleted.Evidence("hologram checked", List.of(), List.of()), "securemark",
                "ref-77", 140L, productId == null ? null : UUID.fromString(productId), brand, "09506000134352",
                "SN-" + UUID.randomUUID(), authority, "FR", Instant.now().minusSeconds(2), Instant.now());
    }

    /** Sends the verdict as event {@code eventId} (the same id twice is a redelivery). */
    public void send(UUID eventId, AuthenticationCompleted verdict) throws Exception {
        send(eventId, verdict, verdict.requestId().toString());
    }

    /** With an explicit key: records of one key are consumed in the order sent. */
    public void send(UUID eventId, AuthenticationCompleted verdict, String key) throws Exception {
        var headers = CloudEventHeaders.write(eventId, EventTypes.AUTHENTICATION_COMPLETED, "authentication-service",
                key, Instant.now());
        producer.send(new ProducerRecord<>(Topics.AUTHENTICATION_COMPLETED, null, key, JSON.writeValueAsBytes(verdict),
                headers)).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
