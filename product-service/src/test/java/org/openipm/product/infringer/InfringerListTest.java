package org.openipm.product.infringer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.RecordedEvents;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/** A brand keeps its own list of known infringers; each change is published on brand-infringers. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class InfringerListTest {

    @Test
    void aBrandListsEditsAndRemovesInfringersAndEachChangeIsPublished() {
        String brand = Catalogue.newBrand(Catalogue.uniquePrefix());
        String path = "/api/v1/brands/" + brand + "/infringers";

        JsonPath shop = add(brand, Map.of("kind", "SELLER_DOMAIN", "value", "Cheap-Watches.example", "country", "CN",
                "evidence", "Test purchase 2025-02-11: fake dial"));
        JsonPath consignor = add(brand, Map.of("kind", "CONSIGNOR_NAME", "value", "  Best Watches Ltd. ",
                "evidence", "Seized twice in 2024"));
        assertThat(shop.getString("value")).isEqualTo("cheap-watches.example");
        assertThat(consignor.getString("value")).isEqualTo("Best Watches Ltd.");
        String shopId = shop.getString("id");

        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Map.of("kind", "SELLER_DOMAIN", "value", "cheap-watches.example/store", "evidence", "x"))
                .post(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("value"));
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Map.of("kind", "CONSIGNOR_NAME", "value", "BEST WATCHES LTD.", "evidence", "again"))
                .post(path).then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("infringer-already-listed"));
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Map.of("kind", "CONSIGNOR_NAME", "value", "Best", "evidence", "no"))
                .post(path).then().statusCode(201);

        JsonPath edited = given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Map.of("kind", "SELLER_URL", "value", "https://market.example/store/cheap-watches",
                        "evidence", "Moved to a marketplace"))
                .put(path + "/" + shopId).then().statusCode(200).extract().jsonPath();
        assertThat(edited.getLong("version")).isEqualTo(2);
        given().auth().oauth2(Tokens.brand(brand)).delete(path + "/" + consignor.getString("id"))
                .then().statusCode(204);

        JsonPath list = given().auth().oauth2(Tokens.brand(brand)).get(path).then().statusCode(200)
                .extract().jsonPath();
        assertThat(list.getList("items.kind")).containsExactly("SELLER_URL", "CONSIGNOR_NAME");
        assertThat(list.getInt("total")).isEqualTo(2);
        assertThat(list.getInt("limit")).isEqualTo(1000);

        try (TopicReader records = new TopicReader(Topics.BRAND_INFRINGERS)) {
            List<ConsumerRecord<String, String>> ofShop = records.await(r -> shopId.equals(r.key()), 2,
                    java.time.Duration.ofSeconds(30));
            assertThat(ofShop).extracting(r -> RecordedEvents.conforming(r).getType())
                    .containsExactly(EventTypes.INFRINGER_LISTED, EventTypes.INFRINGER_LISTED);
            assertThat(JsonPath.from(ofShop.get(1).value()).getString("value"))
                    .isEqualTo("https://market.example/store/cheap-watches");
            ConsumerRecord<String, String> removed = records.awaitOne(r -> consignor.getString("id").equals(r.key())
                    && RecordedEvents.conforming(r).getType().equals(EventTypes.INFRINGER_DELISTED));
            assertThat(JsonPath.from(removed.value()).getLong("version")).isEqualTo(2);
        }
    }

    @Test
    void onlyTheBrandWritesItsListAdminsReadItAndOthersAreToldItDoesNotExist() {
        String brand = Catalogue.newBrand(Catalogue.uniquePrefix());
        String rival = Catalogue.newBrand(Catalogue.uniquePrefix());
        String path = "/api/v1/brands/" + brand + "/infringers";
        String entryId = add(brand, Map.of("kind", "CONSIGNOR_ADDRESS", "value", "Room 5, 1 Harbour Rd, Shenzhen",
                "evidence", "Return address of seized parcels")).getString("id");
        Map<String, Object> body = Map.of("kind", "SELLER_DOMAIN", "value", "rival.example", "evidence", "none");

        given().auth().oauth2(Tokens.brand(rival)).get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.brand(rival)).get(path + "/" + entryId).then().statusCode(404);
        given().auth().oauth2(Tokens.brand(rival)).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.brand(rival)).contentType(ContentType.JSON).body(body)
                .put(path + "/" + entryId).then().statusCode(404);
        given().auth().oauth2(Tokens.brand(rival)).delete(path + "/" + entryId).then().statusCode(404);
        // the rival's own list does not hold the brand's entry either
        given().auth().oauth2(Tokens.brand(rival)).get("/api/v1/brands/" + rival + "/infringers/" + entryId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.officer("fr-douane", "FR")).get(path).then().statusCode(403);

        given().auth().oauth2(Tokens.admin()).get(path).then().statusCode(200)
                .body("items[0].id", equalTo(entryId));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.brand(brand)).get(path + "/" + entryId).then().statusCode(200)
                .body("evidence", equalTo("Return address of seized parcels"));
    }

    private static JsonPath add(String brand, Map<String, Object> entry) {
        return given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON).body(entry)
                .post("/api/v1/brands/" + brand + "/infringers").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/infringers/")).extract().jsonPath();
    }
}
