package org.openipm.messaging;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openipm.events.CloudEventHeaders;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.Tokens;

/** The world around messaging-service in tests: authorities registered through the API, raw Kafka records. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, byte[]> producer;

    private Fixtures() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An authority body with one office per code given (ports in the country's usual time zone). */
    public static Map<String, Object> authorityBody(String id, String country, String... officeCodes) {
        String zone = switch (country) {
            case "DE" -> "Europe/Berlin";
            case "US" -> "America/New_York";
            case "NL" -> "Europe/Amsterdam";
            case "BE" -> "Europe/Brussels";
            default -> "Europe/Paris";
        };
        List<Map<String, Object>> offices = java.util.Arrays.stream(officeCodes)
                .map(code -> Map.<String, Object>of("code", code, "name", "Office " + code, "kind", "PORT",
                        "timeZone", zone))
                .toList();
        return Map.of("id", id, "name", "Customs " + id, "country", country, "type", "CUSTOMS", "offices", offices,
                "languages", List.of("en"), "contacts", List.of(Map.of("name", "Duty desk", "email",
                        "desk@" + id + ".example")));
    }

    /** Registers a customs authority of the country with the given offices; returns its id. */
    public static String registerAuthority(String country, String... officeCodes) {
        String id = newId(country.toLowerCase() + "-customs");
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(authorityBody(id, country, officeCodes)).post("/api/v1/authorities").then().statusCode(201);
        return id;
    }

    /** A product of a brand as product-service publishes it: its GTINs, those of them verified for the brand. */
    public record Product(UUID productId, String brandId, String name, List<String> gtins, List<String> verifiedGtins) {

        public String gtin() {
            return gtins.get(0);
        }
    }

    public static String newGtin14() {
        StringBuilder body = new StringBuilder("0");
        while (body.length() < 13) {
            body.append(java.util.concurrent.ThreadLocalRandom.current().nextInt(10));
        }
        return body + Integer.toString(org.openipm.codes.Gtin.checkDigit(body.toString()));
    }

    /** A published product of the brand whose one GTIN is verified. */
    public static Product verifiedProduct(String brandId) {
        String gtin = newGtin14();
        Product product = new Product(UUID.randomUUID(), brandId, "Product of " + brandId, List.of(gtin),
                List.of(gtin));
        publish(product, 1, "PUBLISHED");
        return product;
    }

    /** A new brand's verified product, once messaging-service's copy of the catalogue holds it (flags match it). */
    public static Product cataloguedProduct(String brandPrefix) {
        Product product = verifiedProduct(newId(brandPrefix));
        awaitCatalogue(product);
        return product;
    }

    /**
     * One container holding two brands' goods (wrist watches and handbags, each a verified product of its own
     * brand), flagged at FRLEH by a new French authority: the case the thread, attachment, correction and visibility
     * tests share.
     */
    public record TwoBrandCase(String authority, Product watches, Product bags, String container, String caseId) {

        public String officer() {
            return Tokens.officer(authority, "FR");
        }
    }

    /** A {@link TwoBrandCase} whose lines hold each brand's GTIN as scanned. */
    public static TwoBrandCase twoBrandCase() {
        return twoBrandCase((watches, bags) -> List.of(goods("Wrist watches", watches.gtin()),
                goods("Handbags", bags.gtin())));
    }

    /** A {@link TwoBrandCase} whose goods lines the test writes from the two products. */
    public static TwoBrandCase twoBrandCase(
            java.util.function.BiFunction<Product, Product, List<Map<String, Object>>> goodsLines) {
        String authority = registerAuthority("FR", "FRLEH");
        Product watches = verifiedProduct(newId("watches"));
        Product bags = verifiedProduct(newId("bags"));
        awaitCatalogue(watches);
        awaitCatalogue(bags);
        String container = newContainerNumber();
        String caseId = flag(authority, "FR", shipment("FRLEH", container, goodsLines.apply(watches, bags)))
                .getString("caseId");
        return new TwoBrandCase(authority, watches, bags, container, caseId);
    }

    /** A published product of the brand claiming a GTIN nobody verified it owns. */
    public static Product claimedProduct(String brandId, String gtin) {
        Product product = new Product(UUID.randomUUID(), brandId, "Claim of " + brandId, List.of(gtin), List.of());
        publish(product, 1, "PUBLISHED");
        return product;
    }

    public static UUID publish(Product product, long version, String status) {
        return publish(product, version, status, UUID.randomUUID());
    }

    public static UUID publish(Product product, long version, String status, UUID eventId) {
        org.openipm.events.product.ProductSnapshot snapshot = new org.openipm.events.product.ProductSnapshot(
                product.productId(), product.brandId(), "Brand " + product.brandId(), List.of(), "SKU-1",
                product.name(), "WATCHES", null, status, version, product.gtins(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), java.time.Instant.now(), product.verifiedGtins());
        String type = switch (status) {
            case "PUBLISHED" -> org.openipm.events.EventTypes.PRODUCT_PUBLISHED;
            case "DRAFT" -> org.openipm.events.EventTypes.PRODUCT_DRAFTED;
            default -> org.openipm.events.EventTypes.PRODUCT_RETIRED;
        };
        try {
            send(org.openipm.events.Topics.PRODUCT_EVENTS, null, product.productId().toString(),
                    JSON.writeValueAsBytes(Map.of("product", snapshot)), cloudEventHeaders(eventId, type,
                            "product-service"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    /** Waits until the catalogue copy holds the product at this version (flagging then matches its GTINs). */
    public static void awaitCatalogue(Product product, long version) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> catalogueVersion(product) == version);
    }

    public static void awaitCatalogue(Product product) {
        awaitCatalogue(product, 1);
    }

    private static long catalogueVersion(Product product) {
        try (var connection = java.sql.DriverManager.getConnection(org.openipm.testing.PostgresServer.jdbcUrl(),
                org.openipm.testing.PostgresServer.USER, org.openipm.testing.PostgresServer.PASSWORD);
                var query = connection.prepareStatement(
                        "select version from messaging.catalogue_product where product_id = ?")) {
            query.setObject(1, product.productId());
            var rows = query.executeQuery();
            return rows.next() ? rows.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A goods line holding the given suspected products (each a code as scanned or a product id). */
    public static Map<String, Object> goods(String description, Object... suspected) {
        List<Map<String, Object>> products = java.util.Arrays.stream(suspected)
                .map(s -> s instanceof UUID id ? Map.<String, Object>of("productId", id.toString())
                        : Map.<String, Object>of("code", s))
                .toList();
        return Map.of("description", description, "quantity", 300, "unit", "pieces", "suspectedProducts", products);
    }

    /** A sea shipment in a container, flagged at the office, with personal data and notes only officers may see. */
    public static Map<String, Object> shipment(String office, String container, List<Map<String, Object>> goods) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("transportMode", "SEA");
        body.put("identifiers", List.of(Map.of("kind", "CONTAINER", "value", container)));
        body.put("originCountry", "CN");
        body.put("destinationCountry", "FR");
        body.put("office", office);
        body.put("goods", goods);
        body.put("trader", Map.of("name", "Jean Trader", "address", "1 rue du Port, Le Havre", "country", "FR"));
        body.put("consignee", Map.of("name", "Consignee SARL", "country", "FR"));
        body.put("consignor", Map.of("name", "Shenzhen Exports Ltd", "country", "CN", "onlineSellerUrl",
                "https://shop.example/cheap-watches"));
        body.put("notes", "Risk profile R-17 hit; seals intact");
        return body;
    }

    /** Flags as an officer of the authority; returns the 201 answer. */
    public static io.restassured.path.json.JsonPath flag(String authority, String country, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.officer(authority, country)).contentType("application/json").body(body)
                .post("/api/v1/shipments").then().statusCode(201).extract().jsonPath();
    }

    /** A valid ISO 6346 container number nobody used before. */
    public static String newContainerNumber() {
        String serial = String.format("%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
        String owner = "" + (char) ('A' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26))
                + (char) ('A' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26)) + "X";
        for (int check = 0; check < 10; check++) {
            String candidate = owner + "U" + serial + check;
            try {
                return org.openipm.messaging.shipment.ContainerNumber.parse(candidate).value();
            } catch (org.openipm.messaging.shipment.InvalidIdentifierException wrongDigit) {
                // try the next digit
            }
        }
        throw new IllegalStateException("no check digit fits " + owner + serial);
    }

    /** The payloads of the case's {@code count} records of this CloudEvents type on case-events, in their order. */
    public static List<com.fasterxml.jackson.databind.JsonNode> caseEvents(org.openipm.testing.TopicReader reader,
            String caseId, String type, int count) {
        return reader.await(r -> caseId.equals(r.key())
                        && type.equals(org.openipm.testing.TopicReader.header(r, CloudEventHeaders.TYPE)), count,
                        java.time.Duration.ofSeconds(30))
                .stream().map(r -> {
                    try {
                        return JSON.readTree(r.value());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    public static Map<String, String> cloudEventHeaders(UUID eventId, String type, String service) {
        return Map.of(CloudEventHeaders.ID, eventId.toString(), CloudEventHeaders.TYPE, type,
                CloudEventHeaders.SOURCE, "/openipm/" + service, CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.TIME, java.time.Instant.now().toString(), CloudEventHeaders.CONTENT_TYPE,
                "application/json");
    }

    public static synchronized RecordMetadata send(String topic, Integer partition, String key, byte[] value,
            Map<String, String> headers) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    KafkaBroker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
        }
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key, value, recordHeaders)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
