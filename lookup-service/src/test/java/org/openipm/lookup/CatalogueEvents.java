package org.openipm.lookup;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.openipm.codes.Gtin;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.product.ProductPublished;
import org.openipm.events.product.ProductRetired;
import org.openipm.events.product.ProductDrafted;
import org.openipm.events.product.ProductSnapshot;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.Tokens;

/**
 * Plays the catalogue's part: writes product-events records as product-service does (CloudEvents binary mode,
 * key = product id, payload {"product": snapshot}) with a plain producer, so these tests need no product-service.
 */
public final class CatalogueEvents {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, byte[]> producer;

    private CatalogueEvents() {
    }

    /** A new product of its own brand, published, version 1, with one GTIN and contacts in FR and everywhere. */
    public static Product product() {
        return new Product();
    }

    /** A valid GTIN-13 nobody else uses. */
    public static String newGtin13() {
        return withCheckDigit(digits(12));
    }

    public static String withCheckDigit(String body) {
        return body + Gtin.checkDigit(body);
    }

    public static String digits(int count) {
        StringBuilder s = new StringBuilder();
        s.append(1 + ThreadLocalRandom.current().nextInt(9));
        while (s.length() < count) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    /** Publishes the snapshot as the event its status calls for, with a new event id. */
    public static RecordMetadata send(ProductSnapshot snapshot) {
        return send(snapshot, UUID.randomUUID());
    }

    public static RecordMetadata send(ProductSnapshot snapshot, UUID eventId) {
        return send(null, snapshot, eventId);
    }

    /** The same, to a given partition when not null: records that must follow one another. */
    public static RecordMetadata send(Integer partition, ProductSnapshot snapshot) {
        return send(partition, snapshot, UUID.randomUUID());
    }

    private static RecordMetadata send(Integer partition, ProductSnapshot snapshot, UUID eventId) {
        String type = switch (snapshot.status()) {
            case "PUBLISHED" -> EventTypes.PRODUCT_PUBLISHED;
            case "RETIRED" -> EventTypes.PRODUCT_RETIRED;
            default -> EventTypes.PRODUCT_DRAFTED;
        };
        Object event = switch (snapshot.status()) {
            case "PUBLISHED" -> new ProductPublished(snapshot);
            case "RETIRED" -> new ProductRetired(snapshot);
            default -> new ProductDrafted(snapshot);
        };
        try {
            return sendRaw(partition, snapshot.productId().toString(), JSON.writeValueAsBytes(event),
                    cloudEventHeaders(eventId, type));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> cloudEventHeaders(UUID eventId, String type) {
        return Map.of(CloudEventHeaders.ID, eventId.toString(), CloudEventHeaders.TYPE, type,
                CloudEventHeaders.SOURCE, "/openipm/product-service", CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TIME, Instant.now().toString(), CloudEventHeaders.CONTENT_TYPE, "application/json");
    }

    /** Any record at all, to a given partition when not null: for poison records and ordering markers. */
    public static synchronized RecordMetadata sendRaw(Integer partition, String key, byte[] value,
            Map<String, String> headers) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaBroker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(new ProducerRecord<>(Topics.PRODUCT_EVENTS, partition, key, value, recordHeaders))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot produce to " + Topics.PRODUCT_EVENTS, e);
        }
    }

    /**
     * Waits until the service has consumed past {@code record}: a marker product sent to the same partition is
     * applied after it, and it becomes visible. The way to assert that an event changed nothing.
     */
    public static void awaitConsumedPast(RecordMetadata record) {
        String gtin = newGtin13();
        send(record.partition(), product().gtins(gtin).snapshot());
        awaitFound(gtin, 1);
    }

    /** A lookup by a French officer (contacts for FR and "*"), answered 200. */
    public static ValidatableResponse lookupAsOfficer(String code) {
        return given().auth().oauth2(Tokens.officer("fr-customs", "FR")).queryParam("code", code)
                .get("/api/v1/lookup").then().statusCode(200);
    }

    /** Waits until a lookup of the code shows {@code count} products. */
    public static void awaitFound(String code, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> given().auth().oauth2(Tokens.admin()).queryParam("code", code)
                        .get("/api/v1/lookup").then().statusCode(200).extract().jsonPath()
                        .getList("products").size() == count);
    }

    /** A 15-digit IMEI: the 14 digits given and their Luhn check digit. */
    public static String imei(String fourteen) {
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int d = fourteen.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return fourteen + (10 - sum % 10) % 10;
    }

    /** A product snapshot under construction; every setter returns this. */
    public static final class Product {
        UUID id = UUID.randomUUID();
        String brandId = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String brandName = "Brand " + brandId;
        List<String> prefixes = List.of();
        String name = "Watch " + id.toString().substring(0, 6);
        String category = "WATCHES";
        String description = "Steel case, sapphire glass";
        String status = "PUBLISHED";
        long version = 1;
        List<String> gtins = List.of();
        List<String> unverified = List.of();
        List<ProductSnapshot.TacRange> tacRanges = List.of();
        List<ProductSnapshot.CodePattern> patterns = List.of();
        List<ProductSnapshot.Contact> contacts = List.of(
                new ProductSnapshot.Contact("FR", "fr", "IPR", "Service protection FR", "fr@brand.example", null,
                        null, true),
                new ProductSnapshot.Contact("DE", "de", "IPR", "Markenschutz DE", "de@brand.example", null, null,
                        false),
                new ProductSnapshot.Contact("*", "en", "IPR", "Global brand protection", "ipr@brand.example", null,
                        null, true));

        public Product id(UUID value) {
            id = value;
            return this;
        }

        public Product brand(String id, String... companyPrefixes) {
            brandId = id;
            brandName = "Brand " + id;
            prefixes = List.of(companyPrefixes);
            return this;
        }

        public Product name(String value) {
            name = value;
            return this;
        }

        public Product category(String value) {
            category = value;
            return this;
        }

        public Product description(String value) {
            description = value;
            return this;
        }

        public Product status(String value) {
            status = value;
            return this;
        }

        public Product version(long value) {
            version = value;
            return this;
        }

        public Product gtins(String... values) {
            gtins = List.of(values);
            return this;
        }

        /** GTINs of this product its brand is not known to own (by default the catalogue verified them all). */
        public Product unverified(String... values) {
            unverified = List.of(values);
            return this;
        }

        public Product contact(String country, String name, String email) {
            contacts = List.of(new ProductSnapshot.Contact(country, "en", "IPR", name, email, null, null, true));
            return this;
        }

        public Product tacRange(String first, String last) {
            tacRanges = List.of(new ProductSnapshot.TacRange(first, last));
            return this;
        }

        public Product pattern(String patternId, String regex) {
            patterns = List.of(new ProductSnapshot.CodePattern(patternId, regex, "serial on the box"));
            return this;
        }

        public UUID id() {
            return id;
        }

        public ProductSnapshot snapshot() {
            List<ProductSnapshot.Feature> features = new ArrayList<>(List.of(
                    new ProductSnapshot.Feature("GENUINE", "Engraved logo", "Laser engraving", "crown",
                            "printed, not engraved", "OVERT"),
                    new ProductSnapshot.Feature("SECURITY", "UV mark", "Invisible ink", "inside strap",
                            "no mark under UV light", "COVERT")));
            return new ProductSnapshot(id, brandId, brandName, prefixes, "SKU-" + id.toString().substring(0, 6), name,
                    category, description, status, version, gtins, tacRanges, patterns, features,
                    List.of(new ProductSnapshot.TradePartner("MANUFACTURER", "Usine Horlogère SA", "CH"),
                            new ProductSnapshot.TradePartner("IMPORTER", "Import Montres SARL", "FR"),
                            new ProductSnapshot.TradePartner("KNOWN_INFRINGER", "Fake Watches Ltd", "XX")),
                    contacts, List.of("img-" + id.toString().substring(0, 6)), Instant.parse("2025-01-01T00:00:00Z")
                            .plusSeconds(version),
                    gtins.stream().filter(g -> !unverified.contains(g)).map(Gtin::normaliseTo14).toList());
        }

        public RecordMetadata send() {
            return CatalogueEvents.send(snapshot());
        }
    }
}
