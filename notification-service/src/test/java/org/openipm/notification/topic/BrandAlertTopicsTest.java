package org.openipm.notification.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.notification.SourceEvents.awaitAlerts;
import static org.openipm.notification.SourceEvents.unique;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.cases.ShipmentFlagged;
import org.openipm.events.cases.ShipmentFlagged.GoodsLine;
import org.openipm.notification.SourceEvents;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Each brand's topic appears with its first product event and carries, as CloudEvents, exactly the alerts the brand
 * reads: once each, and nothing about another brand's goods in a shared case.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BrandAlertTopicsTest {

    @Test
    void aBrandsFirstProductEventCreatesItsTopicAndABrandIdKafkaCannotNameGetsNone() throws Exception {
        String acme = unique("acme");
        UUID product = SourceEvents.publishProduct(acme);
        try (Admin admin = KafkaBroker.admin()) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.listTopics().names().get().contains("alerts." + acme));
            // The service's own partitions (2 in tests), not the broker's auto-creation (3).
            assertThat(admin.describeTopics(List.of("alerts." + acme)).allTopicNames().get()
                    .get("alerts." + acme).partitions()).hasSize(2);
            // A brand id that cannot name a topic (upper case, '_') is refused; the next event is still served.
            String bad = "Bad_" + acme;
            SourceEvents.publishProduct(bad);
            String next = unique("zenith");
            SourceEvents.publishProduct(next);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.listTopics().names().get().contains("alerts." + next));
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).noneMatch(name -> name.toLowerCase().contains(bad.toLowerCase()));
        }
        assertThat(product).isNotNull();
    }

    @Test
    void eachBrandsTopicCarriesItsOwnAlertsOnceAsCloudEventsAndNothingOfTheOtherBrand() {
        String acme = unique("acme");
        String zenith = unique("zenith");
        UUID caseId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ShipmentFlagged shared = new ShipmentFlagged(caseId, "pt-customs", "PT", "PTLIS", "SEA", "CN", "PT",
                List.of(acme, zenith), List.of(new GoodsLine(1, "Wrist watches", 300.0, "pieces", List.of(acme)),
                        new GoodsLine(2, "Perfume", 40.0, "kg", List.of(zenith))), Instant.now());
        send(shared, eventId);
        send(shared, eventId); // redelivered
        String acmeAlertId = awaitAlerts(Tokens.brand(acme), 1).getString("items[0].id");
        // A later flag of the same case: the relay publishes in the order the alerts were stored, so once the later
        // alert is on the topic, a second copy of the first would be there too.
        UUID laterId = UUID.randomUUID();
        send(new ShipmentFlagged(caseId, "pt-customs", "PT", "PTLIS", "SEA", "CN", "PT", List.of(acme),
                List.of(new GoodsLine(1, "Straps", 10.0, "pieces", List.of(acme))), Instant.now()), laterId);

        try (TopicReader acmeTopic = new TopicReader(Topics.alertsOf(acme));
                TopicReader zenithTopic = new TopicReader(Topics.alertsOf(zenith))) {
            List<ConsumerRecord<String, String>> acmeRecords = acmeTopic.await(
                    r -> r.value().contains(laterId.toString()), 1, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> all = acmeTopic.drain(Duration.ofMillis(200));
            assertThat(all).hasSize(2);
            // Keyed by alert id, the two alerts may sit on different partitions: no order between them to assert.
            List<ConsumerRecord<String, String>> firstAlert = all.stream()
                    .filter(r -> acmeAlertId.equals(r.key())).toList();
            assertThat(firstAlert).hasSize(1);
            CloudEvent first = RecordedEvents.conforming(firstAlert.get(0));
            assertThat(first.getId()).isNotBlank();
            assertThat(first.getType()).isEqualTo(EventTypes.ALERT_RAISED);
            assertThat(first.getSource().toString()).isEqualTo("/openipm/notification-service");
            JsonNode payload = readTree(first);
            assertThat(payload.path("alertId").asText()).isEqualTo(acmeAlertId);
            assertThat(payload.path("type").asText()).isEqualTo("SHIPMENT_FLAGGED");
            assertThat(payload.path("brandId").asText()).isEqualTo(acme);
            assertThat(payload.path("sourceEventId").asText()).isEqualTo(eventId.toString());
            assertThat(payload.path("facts").path("goods").asText()).isEqualTo("Wrist watches (300 pieces)");
            assertThat(payload.path("link").asText()).isEqualTo("/api/v1/cases/" + caseId);
            assertThat(all).allSatisfy(r -> assertThat(r.value()).doesNotContain(zenith).doesNotContain("Perfume"));
            assertThat(acmeRecords).hasSize(1);

            ConsumerRecord<String, String> zenithRecord = zenithTopic.awaitOne(r -> true);
            RecordedEvents.conforming(zenithRecord);
            assertThat(zenithRecord.value()).contains("Perfume").doesNotContain(acme).doesNotContain("Wrist");
            assertThat(zenithTopic.drain(Duration.ofMillis(200))).hasSize(1);
        }
        // Alerts of an authority never go to a brand topic: the flagging country's officers got nothing here.
        assertThat(SourceEvents.alerts(Tokens.officer("pt-customs", "PT")).getList("items")).isEmpty();
    }

    private static JsonNode readTree(CloudEvent event) {
        try {
            return SourceEvents.JSON.readTree(event.getData().toBytes());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void send(ShipmentFlagged flagged, UUID eventId) {
        SourceEvents.send(Topics.SHIPMENT_FLAGGED, EventTypes.SHIPMENT_FLAGGED, "messaging-service",
                flagged.caseId().toString(), eventId, flagged);
    }
}
