package org.openipm.notification.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.authentication.AuthenticationCompleted;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Verdicts published on the real broker become alerts for the brand and the officer's authority, once each however
 * often Kafka delivers them, and only their recipients can read them.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AlertsFromVerdictsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.AUTHENTICATION_COMPLETED,
            "notification-service");
    private static KafkaProducer<String, byte[]> producer;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void aCounterfeitReachesTheBrandAndTheAuthorityOnceEvenWhenDeliveredTwice() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String authority = "fr-customs-" + UUID.randomUUID().toString().substring(0, 8);
        AuthenticationCompleted verdict = verdict("COUNTERFEIT", brand, authority);
        UUID eventId = UUID.randomUUID();
        send(verdict.requestId().toString(), eventId, JSON.writeValueAsBytes(verdict));
        send(verdict.requestId().toString(), eventId, JSON.writeValueAsBytes(verdict)); // redelivered

        String brandToken = Tokens.brand(brand);
        JsonPath brandAlerts = awaitAlerts(brandToken, 1);
        assertThat(brandAlerts.getString("items[0].type")).isEqualTo("COUNTERFEIT_VERDICT");
        assertThat(brandAlerts.getString("items[0].severity")).isEqualTo("CRITICAL");
        assertThat(brandAlerts.getString("items[0].sourceEventId")).isEqualTo(eventId.toString());
        assertThat(brandAlerts.getList("items[0].brands")).containsExactly(brand);
        String officerToken = Tokens.officer(authority, "FR");
        awaitAlerts(officerToken, 1);
        // The second delivery added nothing: a later verdict on the same partition (same key) is applied after it.
        AuthenticationCompleted later = verdict("COUNTERFEIT", brand, authority);
        send(verdict.requestId().toString(), UUID.randomUUID(), JSON.writeValueAsBytes(later));
        awaitAlerts(brandToken, 2);
        assertThat(alerts(brandToken).getList("items.sourceEventId", String.class)).containsOnlyOnce(eventId.toString());

        String french = given().auth().oauth2(brandToken).queryParam("lang", "fr").get("/api/v1/alerts")
                .then().statusCode(200).extract().path("items.find { it.sourceEventId == '" + eventId + "' }.summary");
        assertThat(french).startsWith("Contrefaçon : le fournisseur securemark").contains("09506000134352");
        String spanish = given().auth().oauth2(officerToken).header("Accept-Language", "es-ES,es;q=0.9")
                .get("/api/v1/alerts").then().statusCode(200).extract().path("items[0].summary");
        assertThat(spanish).startsWith("Falsificación");
    }

    @Test
    void nobodyElseSeesThemAndReadStateIsTheRecipients() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String authority = "de-zoll-" + UUID.randomUUID().toString().substring(0, 8);
        send(UUID.randomUUID().toString(), UUID.randomUUID(),
                JSON.writeValueAsBytes(verdict("SUSPECT", brand, authority)));
        String id = awaitAlerts(Tokens.brand(brand), 1).getString("items[0].id");

        given().auth().oauth2(Tokens.brand("other-" + brand)).get("/api/v1/alerts").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(Tokens.brand("other-" + brand)).get("/api/v1/alerts/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.brand("other-" + brand)).post("/api/v1/alerts/" + id + "/read").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.officer("other-" + authority, "DE")).get("/api/v1/alerts/" + id).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/alerts").then().statusCode(403);

        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/alerts?unread=true").then().body("items", hasSize(1));
        given().auth().oauth2(Tokens.brand(brand)).post("/api/v1/alerts/" + id + "/read").then().statusCode(204);
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/alerts/" + id).then().statusCode(200)
                .body("read", equalTo(true));
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/alerts?unread=true").then().body("items", hasSize(0));
        // The authority's copy of the same alert is its own: still unread.
        given().auth().oauth2(Tokens.officer(authority, "DE")).get("/api/v1/alerts?unread=true").then()
                .body("items", hasSize(1));
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/alerts?minSeverity=CRITICAL").then()
                .body("items", hasSize(0));
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/alerts?type=SUSPECT_VERDICT").then()
                .body("items", hasSize(1));
    }

    @Test
    void badFiltersAreRefusedPrecisely() {
        given().auth().oauth2(Tokens.brand("acme")).get("/api/v1/alerts?type=NOPE").then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("type"));
        given().auth().oauth2(Tokens.brand("acme")).get("/api/v1/alerts?size=100000").then().statusCode(400);
    }

    @Test
    void aPoisonRecordIsSetAsideAndTheNextVerdictStillArrives() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        UUID poisonId = UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            send(key, poisonId, "{not json".getBytes(StandardCharsets.UTF_8));
            // Same key, same partition: applied after the poison record, and nothing for a genuine mark.
            send(key, UUID.randomUUID(), JSON.writeValueAsBytes(verdict("GENUINE", brand, "pl-kas")));
            send(key, UUID.randomUUID(), JSON.writeValueAsBytes(verdict("COUNTERFEIT", brand, "pl-kas")));
            deadLetters.awaitOne(r -> poisonId.toString().equals(TopicReader.header(r, CloudEventHeaders.ID)));
        }
        JsonPath alerts = awaitAlerts(Tokens.brand(brand), 1);
        assertThat(alerts.getList("items.type")).containsExactly("COUNTERFEIT_VERDICT");
    }

    @Test
    void aPollOfVerdictsIsStoredInFewTransactionsAndOnlyItsPoisonIsSetAside() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String authority = "it-adm-" + UUID.randomUUID().toString().substring(0, 8);
        UUID unreadable = UUID.randomUUID();
        UUID refusedByTheDatabase = UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            for (int i = 0; i < 40; i++) { // sent together, so the consumer polls several at once
                String key = UUID.randomUUID().toString();
                if (i == 10) {
                    sendAsync(key, unreadable, "{not json".getBytes(StandardCharsets.UTF_8));
                } else if (i == 20) { // readable and complete, but no recipient id is 150 characters long
                    sendAsync(key, refusedByTheDatabase, JSON.writeValueAsBytes(verdict("COUNTERFEIT", brand,
                            "x".repeat(150))));
                } else {
                    sendAsync(key, UUID.randomUUID(), JSON.writeValueAsBytes(verdict("COUNTERFEIT", brand, authority)));
                }
            }
            producer.flush();
            deadLetters.await(r -> unreadable.toString().equals(TopicReader.header(r, CloudEventHeaders.ID)), 1,
                    Duration.ofSeconds(30));
            ConsumerRecord<String, String> refused = deadLetters.awaitOne(r -> refusedByTheDatabase.toString()
                    .equals(TopicReader.header(r, CloudEventHeaders.ID)));
            assertThat(TopicReader.header(refused, "dead-letter-reason") + " / "
                    + TopicReader.header(refused, "dead-letter-cause")).contains("value too long");
        }
        awaitAlerts(Tokens.brand(brand), 38);
        awaitAlerts(Tokens.officer(authority, "FR"), 38);
        // Rows written by one transaction share its xmin: one transaction per record would make 38.
        long transactions = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(distinct xmin::text) from alert where recipient_id = ?1").setParameter(1, brand)
                .getSingleResult()).longValue());
        assertThat(transactions).isLessThan(10);
    }

    @Test
    void theOfficersLiveStreamCarriesItsOwnAlertsAsTheyAreStored() throws Exception {
        String authority = "es-aduanas-" + UUID.randomUUID().toString().substring(0, 8);
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpRequest open = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/alerts/stream?lang=es"))
                .header("Authorization", "Bearer " + Tokens.officer(authority, "ES"))
                .header("Accept", "text/event-stream").build();
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Void>> stream = client.sendAsync(open,
                HttpResponse.BodyHandlers.fromLineSubscriber(new LineCollector(events)));
        try {
            // The stream is open once the first alert of a warm-up verdict arrives on it.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                send(UUID.randomUUID().toString(), UUID.randomUUID(),
                        JSON.writeValueAsBytes(verdict("SUSPECT", brand, authority)));
                return events.poll(5, TimeUnit.SECONDS) != null;
            });
            AuthenticationCompleted theirs = verdict("COUNTERFEIT", brand, "other-" + authority);
            send(theirs.requestId().toString(), UUID.randomUUID(), JSON.writeValueAsBytes(theirs));
            AuthenticationCompleted ours = verdict("COUNTERFEIT", brand, authority);
            send(ours.requestId().toString(), UUID.randomUUID(), JSON.writeValueAsBytes(ours));
            List<JsonPath> received = new java.util.ArrayList<>();
            while (received.stream().noneMatch(a -> "COUNTERFEIT_VERDICT".equals(a.getString("type")))) {
                String next = events.poll(30, TimeUnit.SECONDS);
                assertThat(next).as("the counterfeit alert on the officer's stream").isNotNull();
                received.add(JsonPath.from(next));
            }
            // Warm-up alerts may still come first; another authority's alert never does.
            assertThat(received).extracting(a -> a.getString("link")).doesNotContain(
                    "/api/v1/authentications/" + theirs.requestId());
            JsonPath alert = received.get(received.size() - 1);
            assertThat(alert.getString("link")).isEqualTo("/api/v1/authentications/" + ours.requestId());
            assertThat(alert.getString("summary")).startsWith("Falsificación");
        } finally {
            stream.cancel(true);
        }
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":"
                + RestAssured.port + "/api/v1/alerts/stream")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    /** Collects the data of server-sent events, one JSON document per event. */
    private record LineCollector(BlockingQueue<String> events) implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("data:")) {
                events.add(line.substring(5).trim());
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    static AuthenticationCompleted verdict(String verdict, String brand, String authority) {
        return new AuthenticationCompleted(UUID.randomUUID(), verdict, 0.98, false, null,
                new AuthenticationCompleted.Evidence("hologram checked", List.of(), List.of()), "securemark",
                "ref-77", 140L, UUID.randomUUID(), brand, "09506000134352", "SN-" + UUID.randomUUID(), authority,
                "FR", Instant.now().minusSeconds(2), Instant.now());
    }

    private static void sendAsync(String key, UUID eventId, byte[] value) {
        var headers = CloudEventHeaders.write(eventId, EventTypes.AUTHENTICATION_COMPLETED, "authentication-service",
                key, Instant.now());
        producer.send(new ProducerRecord<>(Topics.AUTHENTICATION_COMPLETED, null, key, value, headers));
    }

    private static void send(String key, UUID eventId, byte[] value) throws Exception {
        var headers = CloudEventHeaders.write(eventId, EventTypes.AUTHENTICATION_COMPLETED, "authentication-service",
                key, Instant.now());
        producer.send(new ProducerRecord<>(Topics.AUTHENTICATION_COMPLETED, null, key, value, headers)).get();
    }

    private static JsonPath alerts(String token) {
        return given().auth().oauth2(token).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitAlerts(String token, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> alerts(token).getList("items").size() >= count);
        JsonPath alerts = alerts(token);
        assertThat(alerts.getList("items")).hasSize(count);
        return alerts;
    }
}
