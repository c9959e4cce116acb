package org.openipm.product.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.cloudevents.CloudEvent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.platform.outbox.Outbox;
import org.openipm.platform.outbox.OutboxRelay;
import org.openipm.product.domain.Category;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/** Every committed change reaches product-events through the outbox: once, in order, never on rollback. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProductEventsTest {

    @Inject
    ProductService products;
    @Inject
    OutboxRelay relay;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper json;

    @Test
    void publishedProductReachesTheTopicAsACloudEventWithItsFullSnapshot() throws Exception {
        String brand = Catalogue.newBrand("952012");
        String id = Catalogue.createPublished(brand, Catalogue.product("W-100", "09520123456788"));

        try (TopicReader topic = new TopicReader(Topics.PRODUCT_EVENTS)) {
            ConsumerRecord<String, String> record = topic.awaitOne(r -> id.equals(r.key())
                    && EventTypes.PRODUCT_PUBLISHED.equals(TopicReader.header(r, CloudEventHeaders.TYPE)));
            CloudEvent event = RecordedEvents.conforming(record);
            assertThat(event.getSource()).hasToString("/openipm/product-service");
            JsonNode snapshot = json.readTree(record.value()).get("product");
            assertThat(snapshot.get("status").asText()).isEqualTo("PUBLISHED");
            assertThat(snapshot.get("brandId").asText()).isEqualTo(brand);
            assertThat(snapshot.get("gtins").get(0).asText()).isEqualTo("09520123456788");
            assertThat(snapshot.get("features")).hasSize(2);
            assertThat(snapshot.get("contacts").get(0).get("email").asText()).isEqualTo("ipr@" + brand + ".example");
        }
    }

    @Test
    void eventsOfOneProductArriveInTheOrderOfItsVersions() throws Exception {
        String brand = Catalogue.newBrand();
        var created = Catalogue.create(brand, Catalogue.product("W-200"));
        String id = created.path("id");
        String etag = created.header("ETag");
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> changed = new java.util.HashMap<>(Catalogue.product("W-200"));
            changed.put("name", "Watch W-200 rev " + i);
            etag = given().auth().oauth2(Tokens.brand(brand)).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(changed).put("/api/v1/products/" + id).then().statusCode(200).extract().header("ETag");
        }
        try (TopicReader topic = new TopicReader(Topics.PRODUCT_EVENTS)) {
            List<ConsumerRecord<String, String>> records = topic.await(r -> id.equals(r.key()), 4, Duration.ofSeconds(20));
            records.forEach(RecordedEvents::conforming);
            List<Long> versions = records.stream().map(r -> version(r.value())).toList();
            assertThat(versions).hasSize(4).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void rolledBackChangePublishesNothing() {
        String brand = Catalogue.newBrand();
        ProductRequest request = new ProductRequest(null, "ROLLED-BACK", "Never saved", Category.WATCHES, null, null,
                List.of(), null, null, null, null);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                products.create(brand, request, "test");
                throw new IllegalStateException("the surrounding work fails after the change");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("payload like ?1", "%ROLLED-BACK%")))
                .isZero();
        try (TopicReader topic = new TopicReader(Topics.PRODUCT_EVENTS)) {
            assertThat(topic.drain(Duration.ofSeconds(2)))
                    .noneMatch(r -> r.value().contains("\"sku\":\"ROLLED-BACK\""));
        }
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void changeCommittedWhileTheRelayIsDownIsPublishedOnceItComesBack() {
        String brand = Catalogue.newBrand();
        relay.pause();
        String id;
        try {
            id = Catalogue.create(brand, Catalogue.product("W-CRASH")).path("id");
            String pending = id;
            assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("key", pending))).isEqualTo(1);
            try (TopicReader topic = new TopicReader(Topics.PRODUCT_EVENTS)) {
                String key = id;
                assertThat(topic.drain(Duration.ofSeconds(1))).noneMatch(r -> key.equals(r.key()));
            }
        } finally {
            relay.resume();
        }
        try (TopicReader topic = new TopicReader(Topics.PRODUCT_EVENTS)) {
            String key = id;
            topic.awaitOne(r -> key.equals(r.key()));
            assertThat(topic.drain(Duration.ofSeconds(1))).filteredOn(r -> key.equals(r.key())).hasSize(1);
        }
        String relayed = id;
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("key", relayed))).isZero();
    }

    private long version(String value) {
        try {
            return json.readTree(value).get("product").get("version").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
