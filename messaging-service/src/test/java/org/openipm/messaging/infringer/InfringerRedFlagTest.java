package org.openipm.messaging.infringer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.infringers.InfringerDelisted;
import org.openipm.events.infringers.InfringerListed;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.PostgresServer;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * Brands' lists reach the copy from brand-infringers; a flagged shipment whose consignor or seller a brand listed
 * is marked, each brand seeing only its own entries, and a brand taking part is told on case-events.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class InfringerRedFlagTest {

    @Test
    void aFlagMatchingListedSellersAndConsignorsIsMarkedForTheOfficerAndEachBrandOnlySeesItsOwn() {
        String authority = Fixtures.registerAuthority("FR", "FRCDG");
        Product watches = Fixtures.verifiedProduct(Fixtures.newId("watches"));
        Product bags = Fixtures.verifiedProduct(Fixtures.newId("bags"));
        String bystander = Fixtures.newId("bystander");
        Fixtures.awaitCatalogue(watches);
        Fixtures.awaitCatalogue(bags);

        UUID shop = list(watches.brandId(), "SELLER_URL", "https://market.example/store/best-watches");
        UUID name = list(watches.brandId(), "CONSIGNOR_NAME", "Best Watches Ltd.");
        UUID otherShop = list(watches.brandId(), "SELLER_URL", "https://market.example/store/best-watches-2");
        UUID gone = list(watches.brandId(), "SELLER_DOMAIN", "market.example");
        delist(watches.brandId(), gone);
        UUID bagsAddress = list(bags.brandId(), "CONSIGNOR_ADDRESS", "Rm 5, 1 Harbour Rd, Shenzhen");
        UUID bagsLimited = list(bags.brandId(), "CONSIGNOR_NAME", "Best Watches Limited");
        UUID bystanders = list(bystander, "SELLER_DOMAIN", "MARKET.example");
        // a poison record between them is set aside; the entries after it still arrive
        RecordMetadata poison = Fixtures.send(Topics.BRAND_INFRINGERS, null, "poison",
                "{\"entryId\": 42}".getBytes(StandardCharsets.UTF_8),
                Fixtures.cloudEventHeaders(UUID.randomUUID(), EventTypes.INFRINGER_LISTED, "product-service"));
        awaitCopy(bystanders, 1);
        awaitCopy(gone, 2);

        Map<String, Object> shipment = Fixtures.shipment("FRCDG", Fixtures.newContainerNumber(), List.of(
                Fixtures.goods("Watches and bags", watches.gtin(), bags.gtin())));
        shipment.put("transportMode", "EXPRESS");
        shipment.put("consignor", Map.of("name", "BEST-WATCHES,  ltd", "address", "RM 5 1 Harbour Rd. Shenzhen",
                "country", "CN", "onlineSellerUrl", "https://WWW.Market.Example/Store/best-watches/item/77?ref=ad"));
        String caseId = Fixtures.flag(authority, "FR", shipment).getString("caseId");
        String matches = "/api/v1/cases/" + caseId + "/infringer-matches";

        JsonPath officer = given().auth().oauth2(Tokens.officer(authority, "FR")).get(matches).then().statusCode(200)
                .extract().jsonPath();
        assertThat(officer.getList("entryId")).containsExactlyInAnyOrder(shop.toString(), name.toString(),
                bagsAddress.toString(), bystanders.toString());
        assertThat(officer.getList("entryId")).doesNotContain(otherShop.toString(), gone.toString(),
                bagsLimited.toString());
        assertThat(officer.getList("evidence")).contains("Evidence of " + watches.brandId());

        JsonPath ofWatches = given().auth().oauth2(Tokens.brand(watches.brandId())).get(matches).then()
                .statusCode(200).extract().jsonPath();
        assertThat(ofWatches.getList("entryId")).containsExactlyInAnyOrder(shop.toString(), name.toString());
        assertThat(ofWatches.getList("brandId")).containsOnly(watches.brandId());
        JsonPath ofBags = given().auth().oauth2(Tokens.brand(bags.brandId())).get(matches).then().statusCode(200)
                .extract().jsonPath();
        assertThat(ofBags.getList("entryId")).containsExactly(bagsAddress.toString());
        given().auth().oauth2(Tokens.brand(bystander)).get(matches).then().statusCode(404);

        List<Map<String, Object>> watchesTimeline = given().auth().oauth2(Tokens.brand(watches.brandId()))
                .get("/api/v1/cases/" + caseId).then().statusCode(200).extract().jsonPath()
                .getList("timeline.findAll { it.kind == 'INFRINGER_MATCHED' }");
        assertThat(watchesTimeline).hasSize(1);
        assertThat(watchesTimeline.get(0).toString()).contains(shop.toString()).doesNotContain(bagsAddress.toString());
        assertThat(given().auth().oauth2(Tokens.officer(authority, "FR")).get("/api/v1/cases/" + caseId).then()
                .extract().jsonPath().getList("timeline.findAll { it.kind == 'INFRINGER_MATCHED' }")).hasSize(3);

        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS);
                TopicReader deadLetters = new TopicReader(Topics.deadLetterOf(Topics.BRAND_INFRINGERS,
                        "messaging-service"))) {
            List<ConsumerRecord<String, String>> told = caseEvents.await(r -> caseId.equals(r.key())
                    && EventTypes.CASE_INFRINGER_MATCHED.equals(RecordedEvents.conforming(r).getType()), 2,
                    Duration.ofSeconds(30));
            Map<String, List<String>> entriesByBrand = new HashMap<>();
            told.forEach(r -> entriesByBrand.put(JsonPath.from(r.value()).getString("brandId"),
                    JsonPath.from(r.value()).getList("matches.entryId")));
            assertThat(entriesByBrand).containsOnlyKeys(watches.brandId(), bags.brandId());
            assertThat(entriesByBrand.get(watches.brandId())).containsExactlyInAnyOrder(shop.toString(),
                    name.toString());
            assertThat(entriesByBrand.get(bags.brandId())).containsExactly(bagsAddress.toString());
            assertThat(told).allSatisfy(r -> assertThat(r.value()).doesNotContain("Harbour Rd.")
                    .doesNotContain("BEST-WATCHES"));
            ConsumerRecord<String, String> parked = deadLetters.awaitOne(r -> "poison".equals(r.key()));
            assertThat(parked.partition()).isNotNegative();
            assertThat(poison.partition()).isNotNegative();
        }

        // another consignor matches nothing
        Map<String, Object> clean = Fixtures.shipment("FRCDG", Fixtures.newContainerNumber(), List.of(
                Fixtures.goods("Watches", watches.gtin())));
        clean.put("consignor", Map.of("name", "Best Watches Trading Ltd", "country", "CN", "onlineSellerUrl",
                "https://market.example.org/store/best-watches"));
        String cleanCase = Fixtures.flag(authority, "FR", clean).getString("caseId");
        given().auth().oauth2(Tokens.officer(authority, "FR")).get("/api/v1/cases/" + cleanCase
                + "/infringer-matches").then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    private static UUID list(String brandId, String kind, String value) {
        UUID entryId = UUID.randomUUID();
        send(entryId, EventTypes.INFRINGER_LISTED, new InfringerListed(entryId, brandId, kind, value, "CN",
                "Evidence of " + brandId, 1, Instant.now()));
        return entryId;
    }

    private static void delist(String brandId, UUID entryId) {
        send(entryId, EventTypes.INFRINGER_DELISTED, new InfringerDelisted(entryId, brandId, 2, Instant.now()));
    }

    private static void send(UUID entryId, String type, Object payload) {
        try {
            Fixtures.send(Topics.BRAND_INFRINGERS, null, entryId.toString(), Fixtures.JSON.writeValueAsBytes(payload),
                    Fixtures.cloudEventHeaders(UUID.randomUUID(), type, "product-service"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCopy(UUID entryId, long version) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> versionOf(entryId) == version);
    }

    private static long versionOf(UUID entryId) {
        try (var connection = java.sql.DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD);
                var query = connection.prepareStatement(
                        "select version from messaging.infringer_entry where entry_id = ?")) {
            query.setObject(1, entryId);
            var rows = query.executeQuery();
            return rows.next() ? rows.getLong(1) : -1;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
