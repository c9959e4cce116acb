package org.openipm.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Flow 6 across the packaged services: a brand subscribes a webhook (a receiver on loopback, which the local profile
 * allows), an officer flags a shipment of the brand's product in messaging-service, and the alert reaches the
 * brand's endpoint signed the Standard Webhooks way (checked with the specification's own Java library) and the
 * brand's Kafka topic {@code alerts.<brand>} as a CloudEvent.
 */
@ExtendWith(PlatformExtension.class)
class BrandHearsOfAFlaggedShipmentIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform(RunningPlatform running) {
        platform = running;
    }

    @Test
    void aFlaggedShipmentReachesTheBrandsWebhookSignedAndItsAlertTopic() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String brand = "hook-" + suffix;
        String authority = "be-customs-" + suffix;
        String productId = publishedProduct(brand);
        registerAuthority(authority);

        try (Receiver receiver = Receiver.start()) {
            String secret = given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                    .body(Map.of("channel", "WEBHOOK", "url", receiver.url(), "alertTypes", List.of("SHIPMENT_FLAGGED")))
                    .post(platform.url("notification-service") + "/api/v1/subscriptions")
                    .then().statusCode(201).extract().path("secret");

            String caseId = flag(authority, productId, brand);

            Received received = receiver.next(Duration.ofSeconds(60));
            new Webhook(secret).verify(received.body(), received.headers()); // throws unless signed with the secret
            JsonPath message = JsonPath.from(received.body());
            assertThat(message.getString("type")).isEqualTo("alert.created");
            assertThat(message.getString("data.type")).isEqualTo("SHIPMENT_FLAGGED");
            assertThat(message.getString("data.link")).isEqualTo("/api/v1/cases/" + caseId);
            assertThat(message.getList("data.brands")).containsExactly(brand);
            String alertId = message.getString("data.id");

            try (TopicReader topic = new TopicReader("alerts." + brand)) {
                ConsumerRecord<String, String> record = topic.await(r -> alertId.equals(r.key()), 1,
                        Duration.ofSeconds(60)).get(0);
                assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.openipm.notification.AlertRaised.v1");
                assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
                JsonPath raised = JsonPath.from(record.value());
                assertThat(raised.getString("type")).isEqualTo("SHIPMENT_FLAGGED");
                assertThat(raised.getString("link")).isEqualTo("/api/v1/cases/" + caseId);
            }
        }
    }

    private static String publishedProduct(String brand) {
        String catalogue = platform.url("product-service");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", brand, "name", "Maison " + brand, "companyPrefixes", List.of("5907777")))
                .post(catalogue + "/api/v1/brands").then().statusCode(201);
        var created = given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Map.of("sku", "BAG-1", "name", "Leather bag", "category", "BAGS_AND_ACCESSORIES", "gtins",
                        List.of("05907777000019")))
                .post(catalogue + "/api/v1/products").then().statusCode(201).extract();
        String productId = created.path("id");
        given().auth().oauth2(Tokens.brand(brand)).header("If-Match", created.header("ETag"))
                .post(catalogue + "/api/v1/products/" + productId + "/publish").then().statusCode(200);
        return productId;
    }

    private static void registerAuthority(String authority) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", authority, "name", "Douane " + authority, "country", "BE", "type", "CUSTOMS",
                        "offices", List.of(Map.of("code", "BEANR", "name", "Antwerp port", "kind", "PORT",
                                "timeZone", "Europe/Brussels")), "languages", List.of("fr", "nl"),
                        "contacts", List.of()))
                .post(platform.url("messaging-service") + "/api/v1/authorities").then().statusCode(201);
    }

    /** Flags once messaging-service's copy of the catalogue knows the product (a flag before that has no brand). */
    private static String flag(String authority, String productId, String brand) {
        String[] caseId = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath flagged = given().auth().oauth2(Tokens.officer(authority, "BE")).contentType(ContentType.JSON)
                    .body(Map.of("transportMode", "SEA",
                            "identifiers", List.of(Map.of("kind", "REFERENCE", "value", "DECL-" + UUID.randomUUID())),
                            "originCountry", "CN", "destinationCountry", "BE", "office", "BEANR",
                            "goods", List.of(Map.of("description", "Leather bags", "quantity", 40, "unit", "pieces",
                                    "suspectedProducts", List.of(Map.of("productId", productId))))))
                    .post(platform.url("messaging-service") + "/api/v1/shipments")
                    .then().statusCode(201).extract().jsonPath();
            assertThat(flagged.getList("brands.brandId")).contains(brand);
            caseId[0] = flagged.getString("caseId");
        });
        return caseId[0];
    }

    private record Received(String body, Map<String, List<String>> headers) {
    }

    /** A brand's webhook endpoint: the JDK's HTTP server on loopback, answering 204 and keeping what it got. */
    private record Receiver(HttpServer server, BlockingQueue<Received> received) implements AutoCloseable {

        static Receiver start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            BlockingQueue<Received> received = new LinkedBlockingQueue<>();
            server.createContext("/hooks/openipm", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(body, Map.of(
                        "webhook-id", List.of(exchange.getRequestHeaders().getFirst("webhook-id")),
                        "webhook-timestamp", List.of(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                        "webhook-signature", List.of(exchange.getRequestHeaders().getFirst("webhook-signature")))));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return new Receiver(server, received);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/openipm";
        }

        Received next(Duration timeout) throws InterruptedException {
            Received next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(next).as("a delivery at the brand's endpoint").isNotNull();
            return next;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
