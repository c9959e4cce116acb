package org.openipm.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.testing.KafkaBroker;

/** Publishes source events on the real broker as their producers do, and reads a caller's alerts back. */
public final class SourceEvents {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, byte[]> producer;

    private SourceEvents() {
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaBroker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                    new ByteArraySerializer());
        }
        return producer;
    }

    public static void send(String topic, String type, String producingService, String key, UUID eventId,
            Object payload) {
        try {
            sendBytes(topic, type, producingService, key, eventId, JSON.writeValueAsBytes(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sendBytes(String topic, String type, String producingService, String key, UUID eventId,
            byte[] value) {
        var headers = CloudEventHeaders.write(eventId, type, producingService, key, Instant.now());
        try {
            producer().send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a product of the brand on {@code product-events}, as product-service does. */
    public static UUID publishProduct(String brand) {
        UUID productId = UUID.randomUUID();
        ProductSnapshot snapshot = new ProductSnapshot(productId, brand, brand + " Inc.", List.of(), "SKU-1",
                "Watch", "watches", "A watch", "PUBLISHED", 1, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Instant.now(), List.of());
        send(Topics.PRODUCT_EVENTS, EventTypes.PRODUCT_PUBLISHED, "product-service", productId.toString(),
                UUID.randomUUID(), new ProductPublished(snapshot));
        return productId;
    }

    public static JsonPath alerts(String token) {
        return given().auth().oauth2(token).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the caller has exactly {@code count} alerts (a few more would fail the assertion). */
    public static JsonPath awaitAlerts(String token, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> alerts(token).getList("items").size() >= count);
        JsonPath alerts = alerts(token);
        assertThat(alerts.getList("items")).hasSize(count);
        return alerts;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
