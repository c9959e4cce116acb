package org.openipm.notification.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openipm.notification.MailServerResource;
import org.openipm.notification.Verdicts;
import org.openipm.notification.WebhookReceiver;
import org.openipm.notification.WebhookReceiver.Received;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/**
 * Alerts made from verdicts on the real broker reach a real HTTP receiver on loopback, signed the Standard Webhooks
 * way, retried, in order, exactly once per (subscription, source event), and a stuck endpoint holds back nobody else.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class WebhookDeliveryTest {

    private static WebhookReceiver receiver;
    private static Verdicts verdicts;

    @Inject
    DeliveryDispatcher dispatcher;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
        verdicts = new Verdicts();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        verdicts.close();
    }

    @Test
    void anAlertReachesTheBrandsWebhookSignedTheStandardWebhooksWay() throws Exception {
        String brand = newBrand();
        String path = "/signed-" + brand;
        JsonPath subscription = subscribe(brand, "{\"channel\":\"WEBHOOK\",\"url\":\"" + receiver.url(path)
                + "\",\"language\":\"fr\"}");
        String secret = subscription.getString("secret");
        UUID eventId = UUID.randomUUID();
        String productId = UUID.randomUUID().toString();

        verdicts.send(eventId, Verdicts.counterfeit(brand, "fr-douane", productId));

        Received received = await().until(() -> receiver.at(path), r -> r.size() == 1).get(0);
        // A maintained Standard Webhooks library accepts it (and refuses it once the body is changed)...
        new Webhook(secret).verify(received.body(), headersOf(received));
        assertThatThrownBy(() -> new Webhook(secret).verify(received.body().replace("COUNTERFEIT", "GENUINE"),
                headersOf(received))).isInstanceOf(Exception.class);
        // ...and so does the specification's formula computed here by hand.
        String id = received.headers().get("webhook-id");
        String timestamp = received.headers().get("webhook-timestamp");
        assertThat(id).startsWith("msg_");
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(received.headers().get("webhook-signature"))
                .isEqualTo("v1," + hmac(secret, id + "." + timestamp + "." + received.body()));

        JsonPath body = JsonPath.from(received.body());
        assertThat(body.getString("type")).isEqualTo("alert.created");
        assertThat(body.getLong("sequence")).isEqualTo(1);
        assertThat(body.getString("data.type")).isEqualTo("COUNTERFEIT_VERDICT");
        assertThat(body.getString("data.severity")).isEqualTo("CRITICAL");
        assertThat(body.getString("data.summary")).startsWith("Contrefaçon");
        assertThat(body.getList("data.brands")).containsExactly(brand);
        assertThat(body.getList("data.countries")).containsExactly("FR");
        assertThat(body.getString("data.link")).isEqualTo("/api/v1/products/" + productId);
        assertThat(body.getString("data.sourceEventId")).isEqualTo(eventId.toString());
        assertThat(body.getString("data.occurredAt")).isNotBlank();

        JsonPath log = await().until(() -> deliveries(brand, subscription.getString("subscription.id")),
                l -> "DELIVERED".equals(l.getString("items[0].status")));
        assertThat(log.getString("items[0].webhookId")).isEqualTo(id);
        assertThat(log.getInt("items[0].attempts")).isEqualTo(1);
        assertThat(log.getInt("items[0].attemptLog[0].statusCode")).isEqualTo(204);
    }

    @Test
    void aFailingEndpointIsRetriedWithTheSameIdUntilItAnswers() throws Exception {
        String brand = newBrand();
        String path = "/flaky-" + brand;
        receiver.answer(path, 500, 503, 200);
        JsonPath subscription = subscribe(brand, webhook(path));

        verdicts.send(UUID.randomUUID(), Verdicts.counterfeit(brand, "fr-douane", null));

        List<Received> attempts = await().until(() -> receiver.at(path), r -> r.size() == 3);
        assertThat(attempts).extracting(r -> r.headers().get("webhook-id")).containsOnly(
                attempts.get(0).headers().get("webhook-id"));
        for (Received attempt : attempts) {
            new Webhook(subscription.getString("secret")).verify(attempt.body(), headersOf(attempt));
        }
        JsonPath log = await().until(() -> deliveries(brand, subscription.getString("subscription.id")),
                l -> "DELIVERED".equals(l.getString("items[0].status")));
        assertThat(log.getInt("items[0].attempts")).isEqualTo(3);
        assertThat(log.getList("items[0].attemptLog.statusCode")).containsExactly(500, 503, 200);
        assertThat(log.getString("items[0].nextAttemptAt")).isNull();
    }

    @Test
    void aRedeliveredSourceEventIsDeliveredOnce() throws Exception {
        String brand = newBrand();
        String path = "/once-" + brand;
        subscribe(brand, webhook(path));
        UUID eventId = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        verdicts.send(eventId, Verdicts.counterfeit(brand, "fr-douane", null), key);
        verdicts.send(eventId, Verdicts.counterfeit(brand, "fr-douane", null), key); // Kafka redelivers it
        UUID after = UUID.randomUUID();
        verdicts.send(after, Verdicts.counterfeit(brand, "fr-douane", null), key); // same partition, after both

        await().until(() -> receiver.at(path).stream().anyMatch(r -> r.body().contains(after.toString())));
        assertThat(receiver.at(path)).extracting(r -> JsonPath.from(r.body()).getString("data.sourceEventId"))
                .containsExactly(eventId.toString(), after.toString());
        assertThat(receiver.at(path)).extracting(r -> JsonPath.from(r.body()).getLong("sequence"))
                .containsExactly(1L, 2L);
    }

    @Test
    void aStuckEndpointHoldsBackNeitherAnotherSubscriptionNorItsOwnOrder() throws Exception {
        String brand = newBrand();
        String stuck = "/stuck-" + brand;
        String healthy = "/healthy-" + brand;
        receiver.hold(stuck);
        subscribe(brand, webhook(stuck));
        subscribe(brand, webhook(healthy));
        String key = UUID.randomUUID().toString();
        try {
            for (int i = 0; i < 3; i++) {
                verdicts.send(UUID.randomUUID(), Verdicts.counterfeit(brand, "fr-douane", null), key);
            }
            // All three reach the healthy endpoint while the stuck one has not answered its first request.
            await().until(() -> receiver.at(healthy), r -> r.size() == 3);
            assertThat(receiver.at(stuck)).hasSize(1);
        } finally {
            receiver.release(stuck);
        }
        List<Received> late = await().until(() -> receiver.at(stuck), r -> r.size() == 3);
        assertThat(late).extracting(r -> JsonPath.from(r.body()).getLong("sequence")).containsExactly(1L, 2L, 3L);
        assertThat(receiver.at(healthy)).extracting(r -> JsonPath.from(r.body()).getLong("sequence"))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aSubscriptionFailingPersistentlyIsDisabledAndItsOwnerToldOnce() throws Exception {
        String brand = newBrand();
        String dead = "/dead-" + brand;
        String notices = "/notices-" + brand;
        receiver.answer(dead, 503);
        String id = subscribe(brand, webhook(dead)).getString("subscription.id");
        subscribe(brand, "{\"channel\":\"WEBHOOK\",\"url\":\"" + receiver.url(notices)
                + "\",\"alertTypes\":[\"SUBSCRIPTION_DISABLED\"]}");

        verdicts.send(UUID.randomUUID(), Verdicts.counterfeit(brand, "fr-douane", null));

        await().until(() -> subscription(brand, id).getBoolean("enabled"), enabled -> !enabled);
        JsonPath alerts = await().until(() -> given().auth().oauth2(Tokens.brand(brand))
                .get("/api/v1/alerts?type=SUBSCRIPTION_DISABLED").then().statusCode(200).extract().jsonPath(),
                a -> a.getList("items").size() == 1);
        assertThat(alerts.getString("items[0].facts.subscriptionId")).isEqualTo(id);
        assertThat(alerts.getString("items[0].summary")).contains(id);
        // The notice is an alert like any other: the brand's subscription to such notices receives it.
        Received notice = await().until(() -> receiver.at(notices), r -> r.size() == 1).get(0);
        assertThat(JsonPath.from(notice.body()).getString("data.type")).isEqualTo("SUBSCRIPTION_DISABLED");
        assertThat(receiver.at(dead).size()).isGreaterThan(1); // retried before giving up
        JsonPath log = await().until(() -> deliveries(brand, id), l -> "CANCELLED".equals(l.getString("items[0].status")));
        assertThat(log.getInt("items[0].attempts")).isGreaterThan(1);
    }

    @Test
    void duringARotationBothSecretsSignAndTheTestEventShowsIt() throws Exception {
        String brand = newBrand();
        String path = "/rotating-" + brand;
        JsonPath created = subscribe(brand, webhook(path));
        String id = created.getString("subscription.id");
        String before = created.getString("secret");

        String first = given().auth().oauth2(Tokens.brand(brand)).post("/api/v1/subscriptions/" + id + "/test").then()
                .statusCode(202).extract().path("webhookId");
        Received plain = await().until(() -> receiver.at(path), r -> r.size() == 1).get(0);
        assertThat(plain.headers().get("webhook-id")).isEqualTo(first);
        assertThat(JsonPath.from(plain.body()).getString("type")).isEqualTo("test");
        assertThat(plain.headers().get("webhook-signature")).doesNotContain(" ");

        JsonPath rotated = given().auth().oauth2(Tokens.brand(brand))
                .post("/api/v1/subscriptions/" + id + "/secret/rotate").then().statusCode(200).extract().jsonPath();
        String after = rotated.getString("secret");
        assertThat(after).startsWith("whsec_").isNotEqualTo(before);
        assertThat(Instant.parse(rotated.getString("previousSecretValidUntil"))).isAfter(Instant.now());

        given().auth().oauth2(Tokens.brand(brand)).post("/api/v1/subscriptions/" + id + "/test").then().statusCode(202);
        Received overlapping = await().until(() -> receiver.at(path), r -> r.size() == 2).get(1);
        assertThat(overlapping.headers().get("webhook-signature").split(" ")).hasSize(2);
        new Webhook(after).verify(overlapping.body(), headersOf(overlapping)); // receivers that switched already
        new Webhook(before).verify(overlapping.body(), headersOf(overlapping)); // receivers that have not yet
        assertThatThrownBy(() -> new Webhook(org.openipm.provider.protocol.MessageSignatures.newSecret())
                .verify(overlapping.body(), headersOf(overlapping))).isInstanceOf(Exception.class);
    }

    @Test
    void aRestartedDispatcherSendsWhatWaitedAndNothingAgain() throws Exception {
        String brand = newBrand();
        String path = "/restart-" + brand;
        String id = subscribe(brand, webhook(path)).getString("subscription.id");
        verdicts.send(UUID.randomUUID(), Verdicts.counterfeit(brand, "fr-douane", null));
        await().until(() -> receiver.at(path), r -> r.size() == 1);

        dispatcher.stop();
        try {
            verdicts.send(UUID.randomUUID(), Verdicts.counterfeit(brand, "fr-douane", null));
            await().until(() -> deliveries(brand, id), l -> l.getList("items").size() == 2);
            assertThat(deliveries(brand, id).getString("items[0].status")).isEqualTo("PENDING");
            assertThat(receiver.at(path)).hasSize(1);
            // Operators see the backlog: a pending webhook delivery, due and waiting longer and longer.
            await().until(() -> metric("openipm_notification_deliveries_oldest_due_age_seconds{channel=\"WEBHOOK\""),
                    age -> age > 0.5);
            assertThat(metric("openipm_notification_deliveries_pending{channel=\"WEBHOOK\"")).isGreaterThanOrEqualTo(1);
        } finally {
            dispatcher.start();
        }
        await().until(() -> receiver.at(path), r -> r.size() == 2);
        // A later test event arrives after everything that was due: nothing was sent twice meanwhile.
        String marker = given().auth().oauth2(Tokens.brand(brand)).post("/api/v1/subscriptions/" + id + "/test")
                .then().statusCode(202).extract().path("webhookId");
        await().until(() -> receiver.at(path).stream().anyMatch(r -> marker.equals(r.headers().get("webhook-id"))));
        assertThat(receiver.at(path)).extracting(r -> JsonPath.from(r.body()).getLong("sequence"))
                .containsExactly(1L, 2L, 3L);
    }

    /** A gauge's value from the Prometheus endpoint, by the start of its line (name and first label). */
    private static double metric(String line) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(line)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(-1.0);
    }

    static String newBrand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String webhook(String path) {
        return "{\"channel\":\"WEBHOOK\",\"url\":\"" + receiver.url(path) + "\"}";
    }

    static JsonPath subscribe(String brand, String body) {
        return given().auth().oauth2(Tokens.brand(brand)).contentType("application/json").body(body)
                .post("/api/v1/subscriptions").then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath subscription(String brand, String id) {
        return given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath deliveries(String brand, String id) {
        return given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/subscriptions/" + id + "/deliveries").then()
                .statusCode(200).extract().jsonPath();
    }

    private static Map<String, List<String>> headersOf(Received received) {
        return Map.of("webhook-id", List.of(received.headers().get("webhook-id")),
                "webhook-timestamp", List.of(received.headers().get("webhook-timestamp")),
                "webhook-signature", List.of(received.headers().get("webhook-signature")));
    }

    private static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }
}
