package org.openipm.authentication.connector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.authentication.Fixtures.authenticate;
import static org.openipm.authentication.Fixtures.awaitCatalogue;
import static org.openipm.authentication.Fixtures.digitalLink;
import static org.openipm.authentication.Fixtures.providerFor;
import static org.openipm.authentication.Fixtures.publishedProduct;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.authentication.Fixtures;
import org.openipm.authentication.TestProvider;
import org.openipm.authentication.TestProvider.Behaviour;
import org.openipm.events.Topics;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.PostgresServer;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * The database goes down while a provider is answering: the worker keeps the answer, waits the outage out and
 * records it once the database is back; the provider is not asked twice, one verdict is published, none is
 * dead-lettered.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ConnectorDatabaseOutageTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void aRequestAcceptedBeforeAnOutageGetsItsVerdictOnceTheDatabaseIsBack() {
        Fixtures.Product product = publishedProduct();
        TestProvider provider = providerFor(product, 30_000).behave(Behaviour.HELD);
        awaitCatalogue(product);
        UUID id = authenticate(digitalLink(product, "OUTAGE-" + UUID.randomUUID()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> provider.callsFor(id) == 1);

        double retriesBefore = retries();
        try (PostgresServer.Outage outage = PostgresServer.outage()) {
            provider.release();
            // The answer is in; recording it meets the outage and is being retried.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);
        }

        JsonPath verdict = awaitCompletedThroughReconnects(id);
        assertThat(verdict.getString("verdict")).isEqualTo("GENUINE");
        assertThat(provider.callsFor(id)).as("calls to the provider").isEqualTo(1);
        try (TopicReader completed = new TopicReader(Topics.AUTHENTICATION_COMPLETED)) {
            completed.awaitOne(r -> id.toString().equals(r.key()));
            assertThat(completed.drain(Duration.ofSeconds(2))).filteredOn(r -> id.toString().equals(r.key()))
                    .hasSize(1);
        }
        try (TopicReader deadLetters = new TopicReader(
                Topics.deadLetterOf(Topics.AUTHENTICATION_REQUESTED, "authentication-service"))) {
            assertThat(deadLetters.drain(Duration.ofSeconds(2))).noneMatch(r -> id.toString().equals(r.key()));
        }
    }

    /** The officer's view; the first calls after the outage may meet connections the restart closed. */
    private static JsonPath awaitCompletedThroughReconnects(UUID id) {
        JsonPath[] seen = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> {
                    seen[0] = given().auth().oauth2(Tokens.officer(Fixtures.AUTHORITY, "FR"))
                            .get("/api/v1/authentications/{id}", id).then().statusCode(200).extract().jsonPath();
                    return "COMPLETED".equals(seen[0].getString("status"));
                });
        return seen[0];
    }

    private double retries() {
        Counter counter = metrics.find("openipm.consumer.retries").tag("consumer", AuthenticationWorker.CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
