package org.openipm.notification.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.notification.SourceEvents.alerts;
import static org.openipm.notification.SourceEvents.awaitAlerts;
import static org.openipm.notification.SourceEvents.unique;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.seizures.SeizureInfringerMatched;
import org.openipm.events.seizures.SeizureMatched;
import org.openipm.events.seizures.SeizureMatched.Amount;
import org.openipm.events.seizures.SeizureMatched.Brand;
import org.openipm.events.seizures.SeizureMatched.Quantity;
import org.openipm.notification.SourceEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.PostgresServer;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Matched seizures published on the real broker reach each brand whose goods were seized, once, with only its own
 * goods; a poison record goes to the dead-letter topic and the next seizure still arrives; a database outage is
 * waited out, never dead-lettered.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AlertsFromSeizuresTest {

    @Inject
    MeterRegistry metrics;

    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.SEIZURE_MATCHED, "notification-service");

    @Test
    void eachBrandHearsOnceOfItsOwnSeizedGoodsAndAPoisonRecordIsSetAside() {
        String acme = unique("acme");
        String zenith = unique("zenith");
        SeizureMatched matched = matched(acme, zenith);
        UUID eventId = UUID.randomUUID();
        UUID poisonId = UUID.randomUUID();
        double setAsideBefore = setAside();
        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            send(matched, eventId);
            SourceEvents.sendBytes(Topics.SEIZURE_MATCHED, EventTypes.SEIZURE_MATCHED, "messaging-service",
                    matched.seizureId().toString(), poisonId, "{not json".getBytes(StandardCharsets.UTF_8));
            send(matched, eventId); // redelivered
            deadLetters.awaitOne(r -> poisonId.toString().equals(TopicReader.header(r, CloudEventHeaders.ID)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> setAside() >= setAsideBefore + 1);
        assertThat(setAside()).as("records set aside, as operators see them").isEqualTo(setAsideBefore + 1);

        JsonPath acmeAlerts = awaitAlerts(Tokens.brand(acme), 1);
        assertThat(acmeAlerts.getString("items[0].type")).isEqualTo("SEIZURE_MATCHED");
        assertThat(acmeAlerts.getString("items[0].summary")).isEqualTo("Seizure in NL of goods of " + acme + ": 40 pieces");
        assertThat(acmeAlerts.getString("items[0].facts.value")).isEqualTo("900 EUR");
        assertThat(acmeAlerts.prettify()).doesNotContain(zenith).doesNotContain("kg");
        JsonPath zenithAlerts = awaitAlerts(Tokens.brand(zenith), 1);
        assertThat(zenithAlerts.getString("items[0].facts.goods")).isEqualTo("3 kg");
        given().auth().oauth2(Tokens.brand(zenith)).get("/api/v1/alerts/" + acmeAlerts.getString("items[0].id"))
                .then().statusCode(404);

        // The redelivery added nothing: a later seizure of the same brand is stored after it.
        send(matched(acme), UUID.randomUUID());
        awaitAlerts(Tokens.brand(acme), 2);
        assertThat(alerts(Tokens.brand(acme)).getList("items.sourceEventId", String.class))
                .containsOnlyOnce(eventId.toString());
    }

    @Test
    void aSeizureWhoseSellerABrandListedAlertsThatBrandOnly() {
        String acme = unique("acme");
        String zenith = unique("zenith");
        UUID seizureId = UUID.randomUUID();
        UUID entryId = UUID.randomUUID();
        SeizureInfringerMatched matched = new SeizureInfringerMatched(seizureId, "nl-customs", "NL",
                LocalDate.parse("2026-12-01"), acme, List.of(new SeizureInfringerMatched.Match(entryId,
                        "SELLER_DOMAIN", "cheap-acme.example")), Instant.now());
        UUID eventId = UUID.randomUUID();
        SourceEvents.send(Topics.SEIZURE_MATCHED, EventTypes.SEIZURE_INFRINGER_MATCHED, "messaging-service",
                seizureId.toString(), eventId, matched);
        SourceEvents.send(Topics.SEIZURE_MATCHED, EventTypes.SEIZURE_INFRINGER_MATCHED, "messaging-service",
                seizureId.toString(), eventId, matched); // redelivered
        send(matched(zenith), UUID.randomUUID());

        JsonPath acmeAlerts = awaitAlerts(Tokens.brand(acme), 1);
        assertThat(acmeAlerts.getString("items[0].type")).isEqualTo("SEIZURE_INFRINGER_MATCHED");
        assertThat(acmeAlerts.getString("items[0].summary")).isEqualTo("Seizure " + seizureId
                + " in NL: the consignor or seller matches 1 of your known infringers");
        assertThat(acmeAlerts.getString("items[0].facts.listed")).isEqualTo("SELLER_DOMAIN cheap-acme.example");
        awaitAlerts(Tokens.brand(zenith), 1);
        assertThat(alerts(Tokens.brand(zenith)).prettify()).doesNotContain("cheap-acme").doesNotContain(acme);
        assertThat(alerts(Tokens.brand(acme)).getList("items.sourceEventId", String.class))
                .containsOnlyOnce(eventId.toString());
    }

    @Test
    void seizuresMatchedWhileTheDatabaseIsDownAreAlertedOnceItIsBackAndNoneIsDeadLettered() {
        String acme = unique("acme");
        List<UUID> eventIds = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<SeizureMatched> seizures = List.of(matched(acme), matched(acme), matched(acme));
        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            double retriesBefore = retries();
            try (PostgresServer.Outage outage = PostgresServer.outage()) {
                send(seizures.get(0), eventIds.get(0));
                send(seizures.get(1), eventIds.get(1));
                // Both are in the consumer's hands, which meets the outage and retries.
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);
            }
            send(seizures.get(2), eventIds.get(2));
            send(seizures.get(0), eventIds.get(0)); // delivered again after the outage

            List<String> sourceEventIds = new java.util.ArrayList<>();
            // The first calls after the outage may meet connections the restart closed.
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> {
                        sourceEventIds.clear();
                        sourceEventIds.addAll(alerts(Tokens.brand(acme)).getList("items.sourceEventId", String.class));
                        return sourceEventIds.size() >= 3;
                    });
            assertThat(sourceEventIds).as("one alert per seizure").containsExactlyInAnyOrderElementsOf(
                    eventIds.stream().map(UUID::toString).toList());
            assertThat(deadLetters.drain(Duration.ofSeconds(2))).as("an outage is not poison").noneMatch(r ->
                    eventIds.stream().anyMatch(id -> id.toString().equals(TopicReader.header(r, CloudEventHeaders.ID))));
        }
    }

    private double setAside() {
        Counter counter = metrics.find("openipm.consumer.dead.letters").tag("topic", Topics.SEIZURE_MATCHED).counter();
        return counter == null ? 0 : counter.count();
    }

    private double retries() {
        Counter counter = metrics.find("openipm.consumer.retries").tag("consumer", SeizuresHandler.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private static SeizureMatched matched(String... brands) {
        List<Brand> seized = List.of(
                new Brand(brands[0], List.of(UUID.randomUUID()), List.of(new Quantity("pieces", 40)),
                        List.of(new Amount("EUR", 900))),
                new Brand(brands[brands.length - 1], List.of(UUID.randomUUID()), List.of(new Quantity("kg", 3)),
                        List.of(new Amount("EUR", 100))));
        return new SeizureMatched(UUID.randomUUID(), "nl-customs", "NL-" + UUID.randomUUID(), "c0ffee",
                LocalDate.parse("2026-12-01"), "NL", "NLAMS", "POSTAL", "CN", null, false,
                brands.length == 1 ? seized.subList(0, 1) : seized, List.of(new Quantity("pieces", 40)),
                List.of(new Amount("EUR", 1000)), Instant.now());
    }

    private static void send(SeizureMatched matched, UUID eventId) {
        SourceEvents.send(Topics.SEIZURE_MATCHED, EventTypes.SEIZURE_MATCHED, "messaging-service",
                matched.seizureId().toString(), eventId, matched);
    }
}
