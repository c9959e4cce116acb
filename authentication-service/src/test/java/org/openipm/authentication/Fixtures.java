package org.openipm.authentication;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.openipm.codes.Gtin;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.Tokens;

/**
 * The world around authentication-service in tests: the catalogue's product-events (written as product-service
 * writes them), providers registered through the API, officers' requests.
 */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    public static final String AUTHORITY = "fr-customs";
    private static KafkaProducer<String, byte[]> producer;

    private Fixtures() {
    }

    /** A product of a brand of its own, with a verified GTIN-14, published on product-events. */
    public record Product(UUID productId, String brandId, String gtin) {
    }

    public static String newGtin14() {
        StringBuilder body = new StringBuilder("0");
        while (body.length() < 13) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        return body + Integer.toString(Gtin.checkDigit(body.toString()));
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Product publishedProduct() {
        Product product = new Product(UUID.randomUUID(), newId("brand"), newGtin14());
        publish(product, 1, "PUBLISHED");
        return product;
    }

    public static void publish(Product product, long version, String status) {
        ProductSnapshot snapshot = new ProductSnapshot(product.productId(), product.brandId(), "Brand "
                + product.brandId(), List.of(), "SKU-1", "Product", "PHARMACEUTICALS", null, status, version,
                List.of(product.gtin()), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Instant.now(), List.of(product.gtin()));
        String type = "PUBLISHED".equals(status) ? EventTypes.PRODUCT_PUBLISHED : EventTypes.PRODUCT_RETIRED;
        Object event = "PUBLISHED".equals(status) ? new ProductPublished(snapshot)
                : new org.openipm.events.product.ProductRetired(snapshot);
        try {
            send(Topics.PRODUCT_EVENTS, product.productId().toString(), JSON.writeValueAsBytes(event),
                    cloudEventHeaders(UUID.randomUUID(), type, "product-service"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> cloudEventHeaders(UUID eventId, String type, String service) {
        return Map.of(CloudEventHeaders.ID, eventId.toString(), CloudEventHeaders.TYPE, type,
                CloudEventHeaders.SOURCE, "/openipm/" + service, CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TIME, Instant.now().toString(), CloudEventHeaders.CONTENT_TYPE, "application/json");
    }

    public static synchronized void send(String topic, String key, byte[] value, Map<String, String> headers) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaBroker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, recordHeaders)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers an HTTP provider covering the brand, with a secret OpenIPM generates; returns that secret. */
    public static String registerHttpProvider(String providerId, String brandId, String endpoint, int timeoutMs) {
        return given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("id", providerId, "name", "Seal " + providerId, "connector", "HTTP", "endpoint",
                        endpoint, "timeoutMs", timeoutMs, "coverage", Map.of("brands", List.of(brandId))))
                .post("/api/v1/providers").then().statusCode(201).extract().path("secret");
    }

    /** A provider answering over real HTTP for the product's brand, registered and running. */
    public static TestProvider providerFor(Product product, int timeoutMs) {
        String secret = org.openipm.provider.protocol.MessageSignatures.newSecret();
        TestProvider provider = TestProvider.start(secret);
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("id", newId("ssp"), "name", "Seal", "connector", "HTTP", "endpoint",
                        provider.endpoint(), "secret", secret, "timeoutMs", timeoutMs,
                        "coverage", Map.of("brands", List.of(product.brandId()))))
                .post("/api/v1/providers").then().statusCode(201);
        return provider;
    }

    /** Waits until the catalogue copy knows the product (a provider is then chosen for its GTIN). */
    public static void awaitCatalogue(Product product) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> catalogueKnows(product));
    }

    private static boolean catalogueKnows(Product product) {
        try (var connection = java.sql.DriverManager.getConnection(org.openipm.testing.PostgresServer.jdbcUrl(),
                org.openipm.testing.PostgresServer.USER, org.openipm.testing.PostgresServer.PASSWORD);
                var query = connection.prepareStatement(
                        "select 1 from authentication.catalogue_gtin where gtin = ? and product_id = ?")) {
            query.setString(1, product.gtin());
            query.setObject(2, product.productId());
            return query.executeQuery().next();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String digitalLink(Product product, String serial) {
        return "https://id.example.com/01/" + product.gtin() + "/21/" + serial;
    }

    /** Posts a request as an officer of {@link #AUTHORITY}; returns its id. */
    public static UUID authenticate(String code, String country, Double latitude, Double longitude) {
        Map<String, Object> place = new java.util.HashMap<>();
        place.put("country", country);
        if (latitude != null) {
            place.put("latitude", latitude);
            place.put("longitude", longitude);
        }
        String id = given().auth().oauth2(Tokens.officer(AUTHORITY, "FR")).contentType("application/json")
                .body(Map.of("code", code, "place", place)).post("/api/v1/authentications")
                .then().statusCode(202).extract().path("id");
        return UUID.fromString(id);
    }

    public static UUID authenticate(String code) {
        return authenticate(code, "FR", null, null);
    }

    /** Waits for the verdict as the officer sees it. */
    public static JsonPath awaitCompleted(UUID id) {
        JsonPath[] seen = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            seen[0] = given().auth().oauth2(Tokens.officer(AUTHORITY, "FR")).get("/api/v1/authentications/{id}", id)
                    .then().statusCode(200).extract().jsonPath();
            return "COMPLETED".equals(seen[0].getString("status"));
        });
        return seen[0];
    }
}
