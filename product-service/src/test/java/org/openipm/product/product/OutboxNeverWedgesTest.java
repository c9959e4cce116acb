package org.openipm.product.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.events.Topics;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Nothing can stop the outbox: an event too large for Kafka is refused while the change can still be undone, a
 * row the broker refuses anyway is parked while the rows behind it go on (the relay's backoff while the database
 * is down: {@code AccessLogDatabaseOutageTest}).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OutboxNeverWedgesTest {

    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry metrics;

    @Test
    void aProductTooLargeToPublishIsRefusedAtWriteTimeAndChangesNothing() {
        String brand = Catalogue.newBrand();
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON).body(hugeProduct("HUGE-1"))
                .post("/api/v1/products").then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/event-too-large"))
                .body("detail", containsString("bytes"));
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products").then().body("total", equalTo(0));

        // An import cannot carry such a product at all: one row is one line, and a line longer than
        // openipm.imports.max-line-length is refused before any row is read (ImportLimitsTest).
    }

    @Test
    void aRowTheBrokerRefusesIsParkedWithItsReasonAndTheRowsBehindItGoOn() {
        // Larger than the producer's max.request.size: the broker can never take it.
        String key = UUID.randomUUID().toString();
        insertOutboxRow(Topics.PRODUCT_EVENTS, key, "{\"padding\":\"" + "x".repeat(1_100_000) + "\"}");

        String brand = Catalogue.newBrand();
        String behind = Catalogue.create(brand, Catalogue.product("BEHIND-1")).path("id");
        try (TopicReader topic = new TopicReader(Topics.PRODUCT_EVENTS)) {
            topic.awaitOne(r -> behind.equals(r.key()));
        }
        // Relayed and done with, not sent again and again behind a batch that keeps failing.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> pendingRows(behind) == 0);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> parkedReason(key) != null);
        assertThat(parkedReason(key)).contains("RecordTooLargeException");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> metrics.find("openipm.outbox.parked").gauge().value() >= 1);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from {h-schema}outbox_event where event_key = ?1").setParameter(1, key)
                .executeUpdate());
    }

    private void insertOutboxRow(String topic, String key, String payload) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into {h-schema}outbox_event (event_id, topic, event_key, event_type, payload, occurred_at) "
                        + "values (gen_random_uuid(), ?1, ?2, 'org.openipm.test.v1', ?3, now())")
                .setParameter(1, topic).setParameter(2, key).setParameter(3, payload).executeUpdate());
    }

    private String parkedReason(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> reasons = entityManager.createNativeQuery(
                    "select last_error from {h-schema}outbox_event where event_key = ?1 and parked_at is not null")
                    .setParameter(1, key).getResultList();
            return reasons.isEmpty() ? null : (String) reasons.get(0);
        });
    }

    private long pendingRows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from {h-schema}outbox_event where event_key = ?1").setParameter(1, key)
                .getSingleResult()).longValue());
    }

    /** About 1 MB of JSON: under the 1 MiB request limit, over what one event may carry. */
    private static Map<String, Object> hugeProduct(String sku) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            features.add(Map.of("kind", "GENUINE", "title", "Feature " + i, "description", "d".repeat(5_000),
                    "howFakesDiffer", "f".repeat(4_900)));
        }
        Map<String, Object> product = new HashMap<>();
        product.put("sku", sku);
        product.put("name", "Very detailed watch");
        product.put("category", "WATCHES");
        product.put("description", "w".repeat(10_000));
        product.put("features", features);
        return product;
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
