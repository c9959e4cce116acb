package org.openipm.product.accesslog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.product.Catalogue;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/** product-viewed events from the real broker become the brand's access log, once each; poison goes aside. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AccessLogTest {

    @Test
    void viewIsLoggedOnceEvenWhenDeliveredTwice() throws Exception {
        String brand = Catalogue.newBrand();
        UUID eventId = UUID.randomUUID();
        String view = view(brand);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(eventId, view)).get();
            producer.send(record(eventId, view)).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/brands/" + brand + "/access-log")
                        .then().statusCode(200).body("total", equalTo(1))
                        .body("items[0].authority", equalTo("fr-customs"))
                        .body("items[0].country", equalTo("FR")));
        // The duplicate had its chance: a later distinct view is logged while the count stays exact.
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(UUID.randomUUID(), view(brand))).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/brands/" + brand + "/access-log")
                        .then().body("total", equalTo(2)));
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheConsumerContinues() throws Exception {
        String brand = Catalogue.newBrand();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(UUID.randomUUID(), "this is not json " + brand)).get();
            producer.send(record(UUID.randomUUID(), view(brand))).get();
        }
        try (TopicReader deadLetters = new TopicReader(Topics.deadLetterOf(Topics.PRODUCT_VIEWED, "product-service"))) {
            deadLetters.awaitOne(r -> r.value().contains("this is not json " + brand));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/brands/" + brand + "/access-log")
                        .then().body("total", equalTo(1)));
    }

    private static String view(String brand) {
        return """
                {"viewId":"%s","productId":"%s","brandId":"%s","officer":"officer-7","authority":"fr-customs",
                 "country":"FR","code":"09520123456788","viewedAt":"%s"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), brand, Instant.now());
    }

    private static ProducerRecord<String, String> record(UUID eventId, String payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, EventTypes.PRODUCT_VIEWED.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/openipm/lookup-service".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(Topics.PRODUCT_VIEWED, null, "key", payload, headers);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }
}
