package org.openipm.product.accesslog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import org.openipm.testing.PostgresServer;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * The database restarts while officers' views stream in: the access log loses none and dead-letters none, and the
 * outbox relay backs off meanwhile and resumes by itself.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AccessLogDatabaseOutageTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void aDatabaseRestartUnderAStreamOfViewsLosesNoneAndDeadLettersNone() throws Exception {
        String brand = Catalogue.newBrand();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", KafkaBroker.bootstrapServers(), "acks", "all"), new StringSerializer(),
                new StringSerializer())) {
            sendViews(producer, brand, 10);
            double retriesBefore = retries();
            double relayRetriesBefore = relayRetries();
            try (PostgresServer.Outage outage = PostgresServer.outage()) {
                sendViews(producer, brand, 10);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> relayRetries() >= relayRetriesBefore + 2
                        && metrics.find("openipm.outbox.relay.delay").gauge().value() > 0);
            }
            sendViews(producer, brand, 10);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/brands/" + brand + "/access-log")
                        .then().statusCode(200).extract().jsonPath().getInt("total") == 30);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> metrics.find("openipm.outbox.relay.delay").gauge().value() == 0);
        try (TopicReader deadLetters = new TopicReader(Topics.deadLetterOf(Topics.PRODUCT_VIEWED, "product-service"))) {
            assertThat(deadLetters.drain(Duration.ofSeconds(2))).noneMatch(r -> r.value().contains(brand));
        }
    }

    private static void sendViews(KafkaProducer<String, String> producer, String brand, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            headers.add(CloudEventHeaders.TYPE, EventTypes.PRODUCT_VIEWED.getBytes(StandardCharsets.UTF_8));
            String view = """
                    {"viewId":"%s","productId":"%s","brandId":"%s","officer":"officer-7","authority":"fr-customs",
                     "country":"FR","code":"09520123456788","viewedAt":"%s"}"""
                    .formatted(UUID.randomUUID(), UUID.randomUUID(), brand, Instant.now());
            producer.send(new ProducerRecord<>(Topics.PRODUCT_VIEWED, null, brand, view, headers)).get();
        }
    }

    private double relayRetries() {
        return metrics.counter("openipm.outbox.relay.retries").count();
    }

    private double retries() {
        Counter counter = metrics.find("openipm.consumer.retries").tag("consumer", ProductViewedHandler.CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
