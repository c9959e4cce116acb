package org.openipm.messaging.shipment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.openipm.messaging.Fixtures.goods;
import static org.openipm.messaging.Fixtures.shipment;

import io.cloudevents.CloudEvent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/** An officer flags a shipment: codes matched through the catalogue copy, a case opened, events published. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ShipmentFlaggingTest {

    @Test
    void verifiedCodesMakeTheirBrandAParticipantAndTheFlagIsPublished() {
        String authority = Fixtures.registerAuthority("FR", "FRLEH");
        Product genuine = Fixtures.verifiedProduct(Fixtures.newId("watches"));
        Product claimed = Fixtures.claimedProduct(Fixtures.newId("claimer"), Fixtures.newGtin14());
        Fixtures.awaitCatalogue(genuine);
        Fixtures.awaitCatalogue(claimed);
        String digitalLink = "https://id.example.com/01/" + genuine.gtin() + "/21/SER123";
        String bracketed = "(01)" + claimed.gtin() + "(10)LOT9";
        String nobodys = Fixtures.newGtin14();
        String container = Fixtures.newContainerNumber();

        JsonPath flagged = Fixtures.flag(authority, "FR", shipment("FRLEH", container, List.of(
                goods("Wrist watches", digitalLink, bracketed), goods("Straps", nobodys, "HELLO WORLD"))));

        String caseId = flagged.getString("caseId");
        assertThat(flagged.getString("status")).isEqualTo("FLAGGED");
        assertThat(flagged.getList("brands.brandId")).containsExactly(genuine.brandId());
        assertThat(flagged.getList("brands[0].productIds")).containsExactly(genuine.productId().toString());
        assertThat(flagged.getList("unverified.brandId")).containsExactly(claimed.brandId());
        assertThat(flagged.getList("unverified.code")).containsExactly(bracketed);
        assertThat(flagged.getList("unmatched.code")).containsExactly(nobodys, "HELLO WORLD");
        assertThat(flagged.getString("unmatched[0].reason")).isEqualTo("no published product carries GTIN " + nobodys);
        assertThat(flagged.getString("unmatched[1].reason")).startsWith("not a readable product code");

        try (TopicReader shipments = new TopicReader(Topics.SHIPMENT_FLAGGED);
                TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            ConsumerRecord<String, String> record = shipments.awaitOne(r -> caseId.equals(r.key()));
            CloudEvent event = RecordedEvents.conforming(record);
            assertThat(event.getType()).isEqualTo(EventTypes.SHIPMENT_FLAGGED);
            JsonPath payload = JsonPath.from(record.value());
            assertThat(payload.getList("brandIds")).containsExactly(genuine.brandId());
            assertThat(payload.getString("authority")).isEqualTo(authority);
            assertThat(payload.getString("country")).isEqualTo("FR");
            assertThat(payload.getString("originCountry")).isEqualTo("CN");
            assertThat(payload.getList("goods.description")).containsExactly("Wrist watches", "Straps");
            assertThat(payload.getList("goods[0].brandIds")).containsExactly(genuine.brandId());
            assertThat(payload.getList("goods[1].brandIds")).isEmpty();
            assertThat(record.value()).doesNotContain("Jean Trader").doesNotContain("R-17")
                    .doesNotContain(claimed.brandId());
            ConsumerRecord<String, String> opened = caseEvents.awaitOne(r -> caseId.equals(r.key()));
            assertThat(RecordedEvents.conforming(opened).getType()).isEqualTo(EventTypes.CASE_OPENED);
            assertThat(JsonPath.from(opened.value()).getString("status")).isEqualTo("FLAGGED");
        }
    }

    @Test
    void aProductIdTheOfficerPickedNamesItsBrandAndAnUnknownOneIsUnmatched() {
        String authority = Fixtures.registerAuthority("FR", "FRCDG");
        Product product = Fixtures.cataloguedProduct("bags");
        UUID unknown = UUID.randomUUID();

        JsonPath flagged = Fixtures.flag(authority, "FR", shipment("FRCDG", Fixtures.newContainerNumber(),
                List.of(goods("Handbags", product.productId(), unknown))));

        assertThat(flagged.getList("brands.brandId")).containsExactly(product.brandId());
        assertThat(flagged.getList("unmatched.productId")).containsExactly(unknown.toString());
    }

    @Test
    void eachIdentifierIsCheckedAgainstItsStandardAndTheProblemNamesTheField() {
        String authority = Fixtures.registerAuthority("FR", "FRLEH");
        Map<String, Object> body = shipment("FRLEH", "CSQU3054383", List.of(goods("Watches")));

        refused(authority, withIdentifiers(body, Map.of("kind", "CONTAINER", "value", "CSQU3054384")),
                "identifiers[0].value", "ISO 6346 gives 3");
        refused(authority, withIdentifiers(body, Map.of("kind", "REFERENCE", "value", "T1-4711"),
                Map.of("kind", "AIR_WAYBILL", "value", "020-12345676")), "identifiers[1].value", "modulo 7 give 5");
        refused(authority, withIdentifiers(body, Map.of("kind", "POSTAL_ITEM", "value", "EE123456784GB")),
                "identifiers[0].value", "UPU S10 gives 5");

        Map<String, Object> every = withIdentifiers(body, Map.of("kind", "CONTAINER", "value", "csqu 305438 3"),
                Map.of("kind", "AIR_WAYBILL", "value", "020 1234 5675"),
                Map.of("kind", "POSTAL_ITEM", "value", "EE123456785GB"), Map.of("kind", "REFERENCE", "value", "T1"));
        String caseId = Fixtures.flag(authority, "FR", every).getString("caseId");
        given().auth().oauth2(Tokens.officer(authority, "FR")).get("/api/v1/cases/{id}", caseId).then()
                .statusCode(200).body("identifiers.value", equalTo(List.of("CSQU3054383", "020-12345675",
                        "EE123456785GB", "T1")));
    }

    @Test
    void theOfficeMustBeOneOfTheOfficersAuthority() {
        String authority = Fixtures.registerAuthority("FR", "FRLEH");
        refused(authority, shipment("DEHAM", Fixtures.newContainerNumber(), List.of(goods("Watches"))), "office",
                "not an office of " + authority);
        given().auth().oauth2(Tokens.officer("unregistered-customs", "FR")).contentType("application/json")
                .body(shipment("FRLEH", Fixtures.newContainerNumber(), List.of(goods("Watches"))))
                .post("/api/v1/shipments").then().statusCode(400).body("errors[0].field", equalTo("office"))
                .body("detail", containsString("not in the directory"));
    }

    @Test
    void malformedOrOversizedFlagsAreRefusedAndOpenNoCase() {
        String authority = Fixtures.registerAuthority("FR", "FRLEH");
        Map<String, Object> good = shipment("FRLEH", Fixtures.newContainerNumber(), List.of(goods("Watches")));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(goods("Line " + i));
        }
        refused(authority, with(good, "goods", tooMany), "goods", null);
        refused(authority, with(good, "goods", List.of(goods("x".repeat(501)))), null, null);
        refused(authority, with(good, "goods", List.of(Map.of("description", "Watches", "suspectedProducts",
                List.of(Map.of("code", "09520123456788", "productId", UUID.randomUUID().toString()))))),
                "goods[0].suspectedProducts[0]", "exactly one");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            codes.add("CODE-" + i);
        }
        refused(authority, with(good, "goods", List.of(goods("Watches", codes.toArray()))), null, null);
        refused(authority, with(good, "originCountry", "XX"), "originCountry", null);
        refused(authority, with(good, "transportMode", "SUBMARINE"), null, null);
        refused(authority, with(good, "identifiers", List.of()), null, null);
        refused(authority, with(good, "consignor", Map.of("name", "X", "onlineSellerUrl", "ftp://shop")), null, null);
        refused(authority, with(good, "notes", "n".repeat(4001)), null, null);

        given().auth().oauth2(Tokens.officer(authority, "FR")).get("/api/v1/cases").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void onlyOfficersFlag() {
        for (String token : List.of(Tokens.brand("acme"), Tokens.admin(),
                Tokens.withRole("customs-system", "fr-customs", "FR"))) {
            given().auth().oauth2(token).contentType("application/json")
                    .body(shipment("FRLEH", "CSQU3054383", List.of(goods("Watches")))).post("/api/v1/shipments")
                    .then().statusCode(403);
        }
    }

    @Test
    void theSameContainerFlaggedInAnotherCountryLinksBothCasesAndBothSidesAreTold() {
        String french = Fixtures.registerAuthority("FR", "FRLEH");
        String dutch = Fixtures.registerAuthority("NL", "NLRTM");
        String container = Fixtures.newContainerNumber();
        String first = Fixtures.flag(french, "FR", shipment("FRLEH", container, List.of(goods("Watches"))))
                .getString("caseId");
        String again = Fixtures.flag(french, "FR", shipment("FRLEH", container, List.of(goods("Watches"))))
                .getString("caseId");

        JsonPath second = Fixtures.flag(dutch, "NL", shipment("NLRTM", container, List.of(goods("Watches"))));

        String secondId = second.getString("caseId");
        assertThat(second.getList("linkedCases.caseId")).containsExactlyInAnyOrder(first, again);
        assertThat(second.getList("linkedCases.country")).containsOnly("FR");
        given().auth().oauth2(Tokens.officer(french, "FR")).get("/api/v1/cases/{id}", first).then().statusCode(200)
                .body("linkedCases.caseId", equalTo(List.of(secondId)))
                .body("linkedCases[0].authority", equalTo(dutch))
                .body("linkedCases[0].identifier", equalTo(container));
        given().auth().oauth2(Tokens.officer(dutch, "NL")).get("/api/v1/cases/{id}", secondId).then()
                .statusCode(200).body("linkedCases.size()", equalTo(2));
        // Linked is not shared: the Dutch officers still see nothing of the French case itself.
        given().auth().oauth2(Tokens.officer(dutch, "NL")).get("/api/v1/cases/{id}", first).then().statusCode(404);

        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            List<ConsumerRecord<String, String>> links = caseEvents.await(r -> EventTypes.CASE_LINKED.equals(
                    TopicReader.header(r, "ce_type")) && (r.key().equals(first) || r.key().equals(secondId)), 3,
                    Duration.ofSeconds(20));
            links.forEach(RecordedEvents::conforming);
            assertThat(links).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(first, secondId, secondId);
            assertThat(caseEvents.drain(Duration.ofMillis(300)).stream().filter(r -> r.key().equals(again)
                    && r.value().contains(first))).as("the same office flagging twice is no link").isEmpty();
        }
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    @SafeVarargs
    private static Map<String, Object> withIdentifiers(Map<String, Object> body, Map<String, Object>... identifiers) {
        return with(body, "identifiers", List.of(identifiers));
    }

    private static void refused(String authority, Map<String, Object> body, String field, String detail) {
        var response = given().auth().oauth2(Tokens.officer(authority, "FR")).contentType("application/json")
                .body(body).post("/api/v1/shipments").then().statusCode(400).contentType("application/problem+json");
        if (field != null) {
            response.body("errors.field", org.hamcrest.Matchers.hasItem(field));
        }
        if (detail != null) {
            response.body("detail", containsString(detail));
        }
    }
}
