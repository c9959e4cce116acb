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
import org.openipm.platform.security.Roles;
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

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

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

    @Test
    void aSeizureFromAListedSellerOrConsignorIsMarkedAndOnlyTheBrandsWhoseGoodsWereSeizedAreToldOnce() {
        String authority = Fixtures.registerAuthority("FR", "FRCDG");
        String system = Tokens.withRole(Roles.CUSTOMS_SYSTEM, authority, "FR");
        Product watches = Fixtures.verifiedProduct(Fixtures.newId("watches"));
        Product bags = Fixtures.verifiedProduct(Fixtures.newId("bags"));
        String bystander = Fixtures.newId("bystander");
        Fixtures.awaitCatalogue(watches);
        Fixtures.awaitCatalogue(bags);
        String market = Fixtures.newId("parcels") + ".example";
        UUID shop = list(watches.brandId(), "SELLER_URL", "https://" + market + "/store/fake-w");
        UUID bagsName = list(bags.brandId(), "CONSIGNOR_NAME", "Fake Bags Co");
        UUID marketplace = list(bystander, "SELLER_DOMAIN", market);
        awaitCopy(marketplace, 1);
        awaitCopy(shop, 1);
        awaitCopy(bagsName, 1);

        Map<String, Object> consignor = Map.of("name", "FAKE-BAGS, co.", "country", "CN",
                "url", "https://WWW." + market.toUpperCase() + "/Store/fake-w/item/1?ref=x");
        Map<String, Object> plain = seizure(Fixtures.newId("S"), consignor, false, watches, bags);
        Map<String, Object> withCase = seizure(Fixtures.newId("S"), consignor, true, watches);
        Map<String, Object> clean = seizure(Fixtures.newId("S"), Map.of("name", "Fake Bags Company", "country", "CN",
                "url", "https://not" + market + "/store/fake-w"), false, watches);
        try (TopicReader matched = new TopicReader(Topics.SEIZURE_MATCHED);
                TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            given().auth().oauth2(system).contentType("application/json")
                    .body(Map.of("seizures", List.of(plain, withCase, clean))).post("/api/v1/seizures").then()
                    .statusCode(202).body("accepted", org.hamcrest.Matchers.equalTo(3));
            List<ConsumerRecord<String, String>> seized = matched.await(r -> EventTypes.SEIZURE_MATCHED.equals(
                    TopicReader.header(r, "ce_type")) && r.value().contains("\"authority\":\"" + authority + "\""),
                    3, Duration.ofSeconds(60));
            String plainId = seizureIdOf(seized, plain);
            String caseId = JsonPath.from(seized.stream().filter(r -> r.value().contains((String) withCase.get(
                    "externalId"))).findFirst().orElseThrow().value()).getString("caseId");
            assertThat(caseId).isNotNull();

            // the brands whose goods were seized are told, each of its own entries only; the bystander is not
            List<ConsumerRecord<String, String>> told = matched.await(r -> EventTypes.SEIZURE_INFRINGER_MATCHED
                    .equals(RecordedEvents.conforming(r).getType()) && plainId.equals(r.key()), 2,
                    Duration.ofSeconds(30));
            Map<String, List<String>> entriesByBrand = new HashMap<>();
            told.forEach(r -> entriesByBrand.put(JsonPath.from(r.value()).getString("brandId"),
                    JsonPath.from(r.value()).getList("matches.entryId")));
            assertThat(entriesByBrand).containsOnly(Map.entry(watches.brandId(), List.of(shop.toString())),
                    Map.entry(bags.brandId(), List.of(bagsName.toString())));
            assertThat(told).allSatisfy(r -> assertThat(r.value()).doesNotContain("FAKE-BAGS").doesNotContain(
                    bystander));
            // the seizure that joined a case tells the case's brand on the case, with a timeline entry
            ConsumerRecord<String, String> onCase = caseEvents.awaitOne(r -> caseId.equals(r.key())
                    && EventTypes.CASE_INFRINGER_MATCHED.equals(RecordedEvents.conforming(r).getType()));
            assertThat(JsonPath.from(onCase.value()).getString("brandId")).isEqualTo(watches.brandId());
            assertThat(JsonPath.from(onCase.value()).getList("matches.entryId")).containsExactly(shop.toString());
            assertThat(given().auth().oauth2(Tokens.brand(watches.brandId())).get("/api/v1/cases/" + caseId).then()
                    .statusCode(200).extract().jsonPath().getList("timeline.findAll { it.kind == 'INFRINGER_MATCHED' }"))
                    .hasSize(1);

            // the reporting authority reads every brand's matches by its external id; a brand its own by seizure id
            String byExternalId = "/api/v1/seizures/" + plain.get("externalId") + "/infringer-matches";
            assertThat(given().auth().oauth2(system).get(byExternalId).then().statusCode(200).extract().jsonPath()
                    .getList("entryId")).containsExactlyInAnyOrder(shop.toString(), bagsName.toString(),
                    marketplace.toString());
            assertThat(given().auth().oauth2(Tokens.officer(authority, "FR")).get(byExternalId).then()
                    .statusCode(200).extract().jsonPath().getList("evidence")).contains("Evidence of " + bystander);
            String bySeizureId = "/api/v1/seizures/" + plainId + "/infringer-matches";
            assertThat(given().auth().oauth2(Tokens.brand(bags.brandId())).get(bySeizureId).then().statusCode(200)
                    .extract().jsonPath().getList("entryId")).containsExactly(bagsName.toString());
            given().auth().oauth2(Tokens.brand(bystander)).get(bySeizureId).then().statusCode(404);
            given().auth().oauth2(Tokens.officer(Fixtures.registerAuthority("BE", "BEBRU"), "BE")).get(byExternalId)
                    .then().statusCode(404);
            given().auth().oauth2(system).get("/api/v1/seizures/" + clean.get("externalId") + "/infringer-matches")
                    .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));

            // an amendment matched again tells nobody twice
            Map<String, Object> amended = new HashMap<>(plain);
            amended.put("estimatedValue", 999.0);
            amended.put("currency", "EUR");
            given().auth().oauth2(system).contentType("application/json").body(amended).put("/api/v1/seizures/"
                    + plain.get("externalId")).then().statusCode(202).body("status",
                    org.hamcrest.Matchers.equalTo("ACCEPTED"));
            matched.await(r -> plainId.equals(r.key()) && r.value().contains("999"), 1, Duration.ofSeconds(30));
            assertThat(matched.drain(Duration.ofSeconds(2)).stream().filter(r -> plainId.equals(r.key())
                    && EventTypes.SEIZURE_INFRINGER_MATCHED.equals(TopicReader.header(r, "ce_type"))))
                    .as("the two records told before the amendment, no more").hasSize(2);
        }
    }

    @Test
    void theListsCopyWaitsOutADatabaseOutageAppliesEachChangeOnceAndStillSetsPoisonAside() {
        String brand = Fixtures.newId("brand");
        UUID before = list(brand, "SELLER_DOMAIN", Fixtures.newId("before") + ".example");
        awaitCopy(before, 1);
        double retriesBefore = retries();
        UUID during;
        UUID removed;
        InfringerListed removedFirstVersion;
        try (PostgresServer.Outage outage = PostgresServer.outage()) {
            during = list(brand, "CONSIGNOR_NAME", "Outage Traders " + UUID.randomUUID());
            removed = UUID.randomUUID();
            removedFirstVersion = new InfringerListed(removed, brand, "SELLER_DOMAIN",
                    Fixtures.newId("gone") + ".example", "CN", "Evidence", 1, Instant.now());
            send(removed, EventTypes.INFRINGER_LISTED, removedFirstVersion);
            delist(brand, removed);
            Fixtures.send(Topics.BRAND_INFRINGERS, null, "poison-" + brand, "[1, 2".getBytes(StandardCharsets.UTF_8),
                    Fixtures.cloudEventHeaders(UUID.randomUUID(), EventTypes.INFRINGER_LISTED, "product-service"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);
        }
        UUID after = list(brand, "SELLER_DOMAIN", Fixtures.newId("after") + ".example");
        send(removed, EventTypes.INFRINGER_LISTED, removedFirstVersion); // an old version delivered again

        awaitCopy(after, 1);
        awaitCopy(during, 1);
        awaitCopy(removed, 2);
        try (TopicReader deadLetters = new TopicReader(Topics.deadLetterOf(Topics.BRAND_INFRINGERS,
                "messaging-service"))) {
            deadLetters.awaitOne(r -> ("poison-" + brand).equals(r.key()));
            assertThat(deadLetters.drain(Duration.ofSeconds(1))).as("an outage is not poison").noneMatch(r ->
                    List.of(before, during, removed, after).stream().anyMatch(id -> id.toString().equals(r.key())));
        }
        assertThat(versionOf(removed)).as("the removal stays; the old listing did not bring it back").isEqualTo(2);
        assertThat(removedStill(removed)).isTrue();
    }

    private double retries() {
        var counter = metrics.find("openipm.consumer.retries").tag("consumer", InfringerHandler.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private static boolean removedStill(UUID entryId) {
        try (var connection = java.sql.DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD);
                var query = connection.prepareStatement(
                        "select removed from messaging.infringer_entry where entry_id = ?")) {
            query.setObject(1, entryId);
            var rows = query.executeQuery();
            return rows.next() && rows.getBoolean(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> seizure(String externalId, Map<String, Object> consignor, boolean openCase,
            Product... products) {
        Map<String, Object> seizure = new HashMap<>();
        seizure.put("externalId", externalId);
        seizure.put("seizedOn", "2025-03-02");
        seizure.put("country", "FR");
        seizure.put("office", "FRCDG");
        seizure.put("transportMode", "POSTAL");
        seizure.put("goods", java.util.Arrays.stream(products).map(p -> Map.of("codes", List.of(p.gtin()),
                "description", "Goods", "quantity", 3, "unit", "pieces")).toList());
        seizure.put("consignor", consignor);
        seizure.put("openCase", openCase);
        return seizure;
    }

    private static String seizureIdOf(List<ConsumerRecord<String, String>> matched, Map<String, Object> seizure) {
        return matched.stream().filter(r -> r.value().contains("\"" + seizure.get("externalId") + "\""))
                .findFirst().orElseThrow().key();
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
