package org.openipm.authentication.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.openipm.authentication.Fixtures.AUTHORITY;
import static org.openipm.authentication.Fixtures.authenticate;
import static org.openipm.authentication.Fixtures.awaitCatalogue;
import static org.openipm.authentication.Fixtures.awaitCompleted;
import static org.openipm.authentication.Fixtures.digitalLink;
import static org.openipm.authentication.Fixtures.providerFor;
import static org.openipm.authentication.Fixtures.publishedProduct;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.authentication.Fixtures;
import org.openipm.authentication.TestProvider;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.PostgresServer;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/** An officer's request travels to the covering provider over HTTP and comes back as one normalised verdict. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AuthenticationFlowTest {

    @Test
    void aGenuineMarkIsReportedGenuineWithTheProvidersEvidenceAndPublished() {
        Fixtures.Product product = publishedProduct();
        TestProvider provider = providerFor(product, 5000);
        awaitCatalogue(product);

        String code = digitalLink(product, "SER-" + UUID.randomUUID());
        UUID id = authenticate(code);
        JsonPath verdict = awaitCompleted(id);

        assertThat(verdict.getString("verdict")).isEqualTo("GENUINE");
        assertThat(verdict.getDouble("confidence")).isEqualTo(0.97);
        assertThat(verdict.getString("evidence.text")).isEqualTo("Serial issued by us and intact");
        assertThat(verdict.getString("evidence.facts.scanCount")).isEqualTo("1");
        assertThat(verdict.getString("provider")).isNotNull();
        assertThat(verdict.getString("completedAt")).isNotNull();
        assertThat(verdict.getLong("providerLatencyMs")).isNotNegative();
        assertThat(verdict.prettify()).doesNotContain(provider.secret().substring("whsec_".length()));
        String providerId = verdict.getString("provider");
        given().auth().oauth2(Tokens.withRole("ssp", providerId, "FR"))
                .get("/api/v1/providers/{id}/statistics", providerId).then().statusCode(200)
                .body("completed", equalTo(1)).body("byVerdict.GENUINE", equalTo(1))
                .body("latencyMs.p99", org.hamcrest.Matchers.notNullValue());
        AuthenticationQuery asked = provider.queries().get(0);
        assertThat(asked.requestId()).isEqualTo(id);
        assertThat(asked.code()).isEqualTo(code);
        assertThat(asked.interpretation().gtin()).isEqualTo(product.gtin());
        assertThat(asked.interpretation().serial()).startsWith("SER-");
        assertThat(asked.brandId()).isEqualTo(product.brandId());
        assertThat(asked.productId()).isEqualTo(product.productId());
        assertThat(asked.requester()).isEqualTo(new AuthenticationQuery.Requester(AUTHORITY, "FR"));

        try (TopicReader completed = new TopicReader(Topics.AUTHENTICATION_COMPLETED);
                TopicReader requested = new TopicReader(Topics.AUTHENTICATION_REQUESTED)) {
            ConsumerRecord<String, String> event = completed.awaitOne(r -> id.toString().equals(r.key()));
            CloudEvent cloudEvent = RecordedEvents.conforming(event);
            assertThat(cloudEvent.getType()).isEqualTo(EventTypes.AUTHENTICATION_COMPLETED);
            JsonPath payload = JsonPath.from(event.value());
            assertThat(payload.getString("verdict")).isEqualTo("GENUINE");
            assertThat(payload.getString("brandId")).isEqualTo(product.brandId());
            assertThat(payload.getString("productId")).isEqualTo(product.productId().toString());
            assertThat(payload.getString("authority")).isEqualTo(AUTHORITY);
            assertThat(payload.getString("country")).isEqualTo("FR");
            assertThat(payload.getLong("providerLatencyMs")).isNotNull();
            ConsumerRecord<String, String> request = requested.awaitOne(r -> id.toString().equals(r.key()));
            RecordedEvents.conforming(request);
            String secretKey = provider.secret().substring("whsec_".length());
            assertThat(event.value()).doesNotContain(secretKey);
            assertThat(request.value()).doesNotContain(secretKey);
        }
    }

    @Test
    void aForgedMarkIsReportedCounterfeit() {
        Fixtures.Product product = publishedProduct();
        providerFor(product, 5000).behave(TestProvider.Behaviour.COUNTERFEIT);
        awaitCatalogue(product);

        JsonPath verdict = awaitCompleted(authenticate(digitalLink(product, "FORGED-1")));

        assertThat(verdict.getString("verdict")).isEqualTo("COUNTERFEIT");
        assertThat(verdict.getString("evidence.text")).isEqualTo("Signature on the mark is forged");
    }

    @Test
    void aCodeNoProductCarriesIsUnknownWithoutAskingAnyProvider() {
        UUID id = authenticate("(01)" + Fixtures.newGtin14() + "(21)NOBODY");

        JsonPath verdict = awaitCompleted(id);

        assertThat(verdict.getString("verdict")).isEqualTo("UNKNOWN");
        assertThat(verdict.getString("reason")).isEqualTo("no provider covers this product");
        assertThat(verdict.getString("provider")).isNull();
        assertThat(verdict.getString("providerLatencyMs")).isNull();
    }

    @Test
    void aProductNoProviderCoversIsUnknown() {
        Fixtures.Product covered = publishedProduct();
        TestProvider provider = providerFor(covered, 5000);
        Fixtures.Product uncovered = publishedProduct();
        awaitCatalogue(uncovered);

        JsonPath verdict = awaitCompleted(authenticate(digitalLink(uncovered, "S1")));

        assertThat(verdict.getString("verdict")).isEqualTo("UNKNOWN");
        assertThat(verdict.getString("reason")).isEqualTo("no provider covers this product");
        assertThat(provider.calls()).isZero();
    }

    /**
     * Workers keep the active providers in memory: a change through the API applies to the very next request, and a
     * change committed by another instance (its notice on the registry's channel) applies as soon as it is heard.
     */
    @Test
    void registryChangesApplyToTheNextRequest() throws Exception {
        Fixtures.Product product = publishedProduct();
        TestProvider provider = providerFor(product, 5000);
        awaitCatalogue(product);
        String providerId = awaitCompleted(authenticate(digitalLink(product, "REG-1"))).getString("provider");
        assertThat(providerId).as("the provider answered, so the workers hold the registry").isNotNull();

        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("name", "Seal", "connector", "HTTP", "endpoint", provider.endpoint(), "timeoutMs", 5000,
                        "coverage", Map.of("brands", List.of("another-brand"))))
                .put("/api/v1/providers/{id}", providerId).then().statusCode(200);
        JsonPath uncovered = awaitCompleted(authenticate(digitalLink(product, "REG-2")));
        assertThat(uncovered.getString("verdict")).isEqualTo("UNKNOWN");
        assertThat(uncovered.getString("reason")).isEqualTo("no provider covers this product");
        assertThat(provider.calls()).isEqualTo(1);

        // Another instance's change: its transaction updates the row and sends the notice.
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD)) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("update authentication.provider "
                    + "set brands = jsonb_build_array(?::text) where id = ?");
                    PreparedStatement notify = connection.prepareStatement(
                            "select pg_notify('authentication_providers', ?)")) {
                update.setString(1, product.brandId());
                update.setString(2, providerId);
                update.executeUpdate();
                notify.setString(1, providerId);
                notify.execute();
            }
            connection.commit();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                awaitCompleted(authenticate(digitalLink(product, "REG-" + UUID.randomUUID()))).getString("verdict"))
                .isEqualTo("GENUINE"));
    }

    @Test
    void theVerdictIsStreamedAsAServerSentEvent() throws Exception {
        UUID id = pendingWithASlowProvider("SSE-1");

        CompletableFuture<String> stream = streamOf(id);

        String events = stream.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(events).contains("data:").contains("\"status\":\"COMPLETED\"").contains(id.toString());

        // Opened again once completed: the verdict at once, and the stream ends.
        String again = given().auth().oauth2(Tokens.officer(AUTHORITY, "FR")).accept("text/event-stream")
                .get("/api/v1/authentications/{id}/events", id).then().statusCode(200).extract().asString();
        assertThat(again).contains("\"status\":\"COMPLETED\"").contains(id.toString());
    }

    /**
     * A waiting stream answers with the completed request its notice carries, without reading the row. Here the
     * notice (as another instance's worker would send it) tells of a verdict the row does not hold; a notice naming
     * another authority is not shown to this officer.
     */
    @Test
    void aWaitingStreamAnswersWithTheRequestItsNoticeCarries() throws Exception {
        UUID id = pendingWithASlowProvider("NOTICE-1");

        CompletableFuture<String> stream = streamOf(id);
        ObjectMapper json = new ObjectMapper();
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD);
                PreparedStatement notify = connection.prepareStatement(
                        "select pg_notify('authentication_completed', ?)")) {
            // Until the stream has answered: it listens only once it is open.
            for (int i = 0; i < 40 && !stream.isDone(); i++) {
                notify.setString(1, id + " "
                        + json.writeValueAsString(notice(id, "be-customs", "told to another authority")));
                notify.execute();
                notify.setString(1, id + " " + json.writeValueAsString(notice(id, AUTHORITY, "carried by the notice")));
                notify.execute();
                Thread.sleep(100);
            }
        }

        String events = stream.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(events).contains("\"reason\":\"carried by the notice\"").contains(id.toString())
                .doesNotContain("told to another authority");
        assertThat(awaitCompleted(id).getString("reason")).as("the row holds the real verdict")
                .isNotEqualTo("carried by the notice");
    }

    private static Map<String, Object> notice(UUID id, String authority, String reason) {
        Map<String, Object> view = new java.util.HashMap<>();
        view.put("id", id.toString());
        view.put("status", "COMPLETED");
        view.put("verdict", "GENUINE");
        view.put("confidence", 0.5);
        view.put("probableClone", false);
        view.put("reason", reason);
        view.put("evidence", Map.of("facts", Map.of(), "earlierSightings", List.of()));
        view.put("provider", "notice-provider");
        view.put("providerLatencyMs", 1);
        view.put("requestedAt", "2026-12-03T07:00:00Z");
        view.put("completedAt", "2026-12-03T07:00:01Z");
        return Map.of("authority", authority, "view", view);
    }

    @Test
    void anotherAuthoritysRequestDoesNotExistForItsOfficers() {
        UUID id = authenticate("(01)" + Fixtures.newGtin14());

        for (String token : List.of(Tokens.officer("be-customs", "BE"), Tokens.brand("acme"), Tokens.admin(),
                Tokens.withRole("ssp", "some-ssp", "FR"))) {
            int status = given().auth().oauth2(token).get("/api/v1/authentications/{id}", id).statusCode();
            assertThat(status).as("a stranger reading another authority's request").isIn(403, 404);
        }
        given().auth().oauth2(Tokens.officer("be-customs", "BE")).get("/api/v1/authentications/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer("be-customs", "BE")).get("/api/v1/authentications/{id}/events", id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer(AUTHORITY, "FR")).get("/api/v1/authentications/{id}", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void onlyOfficersMayAsk() {
        for (String token : List.of(Tokens.brand("acme"), Tokens.admin(), Tokens.withRole("ssp", "x", "FR"))) {
            given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("code", "09520123456788", "place", Map.of("country", "FR")))
                    .post("/api/v1/authentications").then().statusCode(403);
        }
    }

    @Test
    void malformedRequestsAreRefusedPreciselyAndPublishNothing() {
        String marker = "MALFORMED-" + UUID.randomUUID();
        List<Object> bodies = List.of(
                Map.of("place", Map.of("country", "FR")),
                Map.of("code", marker),
                Map.of("code", marker, "place", Map.of("country", "France")),
                Map.of("code", marker, "place", Map.of("country", "FR", "latitude", 95.0, "longitude", 2.0)),
                Map.of("code", marker, "place", Map.of("country", "FR", "latitude", 45.0)),
                Map.of("code", marker, "productId", "not-a-uuid", "place", Map.of("country", "FR")),
                Map.of("code", "x".repeat(2049), "place", Map.of("country", "FR")));
        for (Object body : bodies) {
            given().auth().oauth2(Tokens.officer(AUTHORITY, "FR")).contentType("application/json").body(body)
                    .post("/api/v1/authentications").then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400));
        }
        given().auth().oauth2(Tokens.officer(AUTHORITY, "FR")).contentType("application/json").body("{\"code\":")
                .post("/api/v1/authentications").then().statusCode(400).contentType("application/problem+json");

        UUID valid = authenticate(marker);
        try (TopicReader requested = new TopicReader(Topics.AUTHENTICATION_REQUESTED)) {
            requested.awaitOne(r -> valid.toString().equals(r.key()));
            List<ConsumerRecord<String, String>> all = requested.drain(Duration.ofMillis(300));
            assertThat(all.stream().filter(r -> r.value().contains(marker))).hasSize(1);
        }
    }

    @Test
    void theAcceptedRequestSaysWhereToFollowIt() {
        var response = given().auth().oauth2(Tokens.officer(AUTHORITY, "FR")).contentType("application/json")
                .body(Map.of("code", "(01)09520123456788", "place", Map.of("country", "FR")))
                .post("/api/v1/authentications");
        response.then().statusCode(202).body("status", equalTo("PENDING"))
                .header("Location", startsWith("http"));
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/api/v1/authentications/" + id);
        assertThat(new String(response.asByteArray(), StandardCharsets.UTF_8)).doesNotContain("whsec_");
    }

    /** A request of a catalogue product whose provider answers after 3 s: it stays PENDING meanwhile. */
    private UUID pendingWithASlowProvider(String serial) throws Exception {
        Fixtures.Product product = publishedProduct();
        providerFor(product, 3000).behave(TestProvider.Behaviour.SLOW);
        awaitCatalogue(product);
        return authenticate(digitalLink(product, serial));
    }

    /** The officer's event stream of the request, read to its end on another thread. */
    private static CompletableFuture<String> streamOf(UUID id) {
        return CompletableFuture.supplyAsync(() -> given()
                .auth().oauth2(Tokens.officer(AUTHORITY, "FR")).accept("text/event-stream")
                .get("/api/v1/authentications/{id}/events", id).then().statusCode(200)
                .extract().asString());
    }
}
