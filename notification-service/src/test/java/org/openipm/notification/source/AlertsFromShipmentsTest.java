package org.openipm.notification.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.openipm.notification.SourceEvents.alerts;
import static org.openipm.notification.SourceEvents.awaitAlerts;
import static org.openipm.notification.SourceEvents.unique;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.events.CloudEventHeaders;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.cases.ShipmentFlagged;
import org.openipm.events.cases.ShipmentFlagged.GoodsLine;
import org.openipm.notification.SourceEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Flagged shipments published on the real broker reach each brand participant once, with only that brand's goods.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AlertsFromShipmentsTest {

    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.SHIPMENT_FLAGGED, "notification-service");

    @Test
    void eachBrandHearsOnceOfItsOwnGoodsAndNothingOfTheOthers() {
        String acme = unique("acme");
        String zenith = unique("zenith");
        ShipmentFlagged flagged = flagged(acme, zenith);
        UUID eventId = UUID.randomUUID();
        send(flagged, eventId);
        send(flagged, eventId); // redelivered

        JsonPath acmeAlerts = awaitAlerts(Tokens.brand(acme), 1);
        assertThat(acmeAlerts.getString("items[0].type")).isEqualTo("SHIPMENT_FLAGGED");
        assertThat(acmeAlerts.getString("items[0].link")).isEqualTo("/api/v1/cases/" + flagged.caseId());
        assertThat(acmeAlerts.getList("items[0].brands")).containsExactly(acme);
        assertThat(acmeAlerts.getList("items[0].countries")).containsExactly("BE", "CN", "DE");
        assertThat(acmeAlerts.getString("items[0].facts.goods")).isEqualTo("Wrist watches (300 pieces)");
        assertThat(acmeAlerts.prettify()).doesNotContain(zenith).doesNotContain("Perfume");
        JsonPath zenithAlerts = awaitAlerts(Tokens.brand(zenith), 1);
        assertThat(zenithAlerts.getString("items[0].summary"))
                .isEqualTo("Shipment flagged in BE with goods of " + zenith + ": Perfume (40 kg)");
        assertThat(zenithAlerts.prettify()).doesNotContain(acme).doesNotContain("Wrist");
        given().auth().oauth2(Tokens.brand(zenith)).get("/api/v1/alerts/" + acmeAlerts.getString("items[0].id"))
                .then().statusCode(404);
        // Nobody else, and not the flagging authority, which knows.
        given().auth().oauth2(Tokens.officer("be-customs", "BE")).get("/api/v1/alerts?type=SHIPMENT_FLAGGED").then()
                .body("items", hasSize(0));

        // The redelivery added nothing: a later flag of the same case key is applied after it.
        send(flaggedIn(flagged.caseId(), acme), UUID.randomUUID());
        awaitAlerts(Tokens.brand(acme), 2);
        assertThat(alerts(Tokens.brand(acme)).getList("items.sourceEventId", String.class))
                .containsOnlyOnce(eventId.toString());
    }

    @Test
    void aPoisonRecordIsSetAsideAndTheNextFlagStillArrives() {
        String acme = unique("acme");
        ShipmentFlagged flagged = flagged(acme);
        String key = flagged.caseId().toString();
        UUID poisonId = UUID.randomUUID();
        UUID noBrandsId = UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(DEAD_LETTERS)) {
            SourceEvents.sendBytes(Topics.SHIPMENT_FLAGGED, EventTypes.SHIPMENT_FLAGGED, "messaging-service", key,
                    poisonId, "{not json".getBytes(StandardCharsets.UTF_8));
            SourceEvents.sendBytes(Topics.SHIPMENT_FLAGGED, EventTypes.SHIPMENT_FLAGGED, "messaging-service", key,
                    noBrandsId, ("{\"caseId\":\"" + key + "\",\"country\":\"BE\"}").getBytes(StandardCharsets.UTF_8));
            send(flagged, UUID.randomUUID());
            deadLetters.awaitOne(r -> poisonId.toString().equals(TopicReader.header(r, CloudEventHeaders.ID)));
            deadLetters.awaitOne(r -> noBrandsId.toString().equals(TopicReader.header(r, CloudEventHeaders.ID)));
        }
        assertThat(awaitAlerts(Tokens.brand(acme), 1).getList("items.type")).containsExactly("SHIPMENT_FLAGGED");
    }

    private static ShipmentFlagged flagged(String... brands) {
        return flaggedIn(UUID.randomUUID(), brands);
    }

    private static ShipmentFlagged flaggedIn(UUID caseId, String... brands) {
        List<GoodsLine> goods = List.of(new GoodsLine(1, "Wrist watches", 300.0, "pieces", List.of(brands[0])),
                new GoodsLine(2, "Perfume", 40.0, "kg", List.of(brands[brands.length - 1])));
        return new ShipmentFlagged(caseId, "be-customs", "BE", "BEANR", "SEA", "CN", "DE", List.of(brands),
                brands.length == 1 ? goods.subList(0, 1) : goods, Instant.now());
    }

    private static void send(ShipmentFlagged flagged, UUID eventId) {
        SourceEvents.send(Topics.SHIPMENT_FLAGGED, EventTypes.SHIPMENT_FLAGGED, "messaging-service",
                flagged.caseId().toString(), eventId, flagged);
    }
}
