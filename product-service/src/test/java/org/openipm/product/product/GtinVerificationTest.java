package org.openipm.product.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openipm.events.Topics;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * A GTIN a brand lists is verified only inside the prefixes an administrator granted it, or when an administrator
 * verified it one by one; any other is kept, marked unverified in the snapshot and listed for administrators.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class GtinVerificationTest {

    @Inject
    ObjectMapper json;

    @Test
    void gtinOutsideTheApprovedPrefixesIsKeptUnverifiedAndListedForAdmins() {
        String brand = Catalogue.newBrand(Catalogue.uniquePrefix());
        String gtin = Catalogue.gtinIn(Catalogue.uniquePrefix(), 1);

        Catalogue.create(brand, Catalogue.product("U-1", gtin)).response().then()
                .body("gtins", contains(gtin)).body("verifiedGtins", empty())
                .body("warnings", hasItem(containsString("GTIN " + gtin + " is unverified")));

        assertThat(unverifiedListing(brand)).contains(gtin);
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/admin/unverified-gtins").then().statusCode(403);
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).get("/api/v1/admin/unverified-gtins")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).queryParam("size", 0).get("/api/v1/admin/unverified-gtins")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void approvingTheBrandsPrefixVerifiesItsGtinsAndRepublishesTheirProducts() throws Exception {
        String brand = Catalogue.newBrand();
        String prefix = Catalogue.uniquePrefix();
        String inside = Catalogue.gtinIn(prefix, 7);
        String outside = Catalogue.gtinIn(Catalogue.uniquePrefix(), 8);
        String id = Catalogue.createPublished(brand, Catalogue.product("A-1", inside, outside));
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON).body(Map.of("prefix", prefix))
                .post("/api/v1/brands/" + brand + "/prefix-requests").then().statusCode(201);
        assertThat(unverifiedListing(brand)).containsExactlyInAnyOrder(inside, outside);

        String etag = given().auth().oauth2(Tokens.admin()).get("/api/v1/brands/" + brand).header("ETag");
        given().auth().oauth2(Tokens.admin()).header("If-Match", etag)
                .post("/api/v1/brands/" + brand + "/prefix-requests/" + prefix + "/approve").then().statusCode(200);

        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id).then().statusCode(200)
                .body("verifiedGtins", contains(inside));
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id + "/history").then().statusCode(200)
                .body("kind", contains("CREATED", "PUBLISHED", "BRAND_CHANGED"))
                .body("[2].changedBy", equalTo("platform-admin"))
                .body("[2].changes.verifiedGtins.to", contains(inside));
        assertThat(unverifiedListing(brand)).containsExactly(outside);
        try (TopicReader topic = new TopicReader(Topics.PRODUCT_EVENTS)) {
            ConsumerRecord<String, String> record = topic.awaitOne(r -> id.equals(r.key())
                    && r.value().contains("\"verifiedGtins\":[\"" + inside + "\"]"));
            JsonNode snapshot = json.readTree(record.value()).get("product");
            assertThat(snapshot.get("status").asText()).isEqualTo("PUBLISHED");
            assertThat(snapshot.get("brandCompanyPrefixes").get(0).asText()).isEqualTo(prefix);
        }
    }

    @Test
    void adminVerifiesAGtinLicensedOneByOneAndMayRevokeIt() {
        String brand = Catalogue.newBrand();
        String gtin = Catalogue.gtinIn(Catalogue.uniquePrefix(), 3);
        String id = Catalogue.create(brand, Catalogue.product("L-1", gtin)).path("id");
        String licence = "/api/v1/brands/" + brand + "/licensed-gtins/" + gtin;

        given().auth().oauth2(Tokens.brand(brand)).put(licence).then().statusCode(403);
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).put(licence).then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).put(licence).then().statusCode(201).body("grantedBy", equalTo("platform-admin"));
        given().auth().oauth2(Tokens.admin()).put(licence).then().statusCode(200);
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id).then().body("verifiedGtins", contains(gtin));
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/brands/" + brand + "/licensed-gtins").then()
                .statusCode(200).body("gtin", contains(gtin));
        assertThat(unverifiedListing(brand)).isEmpty();

        String rival = Catalogue.newBrand();
        given().auth().oauth2(Tokens.brand(rival)).get("/api/v1/brands/" + brand + "/licensed-gtins").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).put("/api/v1/brands/" + rival + "/licensed-gtins/" + gtin)
                .then().statusCode(409).contentType("application/problem+json");
        String granted = Catalogue.uniquePrefix();
        Catalogue.newBrand(granted);
        given().auth().oauth2(Tokens.admin()).put("/api/v1/brands/" + rival + "/licensed-gtins/" + Catalogue.gtinIn(granted, 5))
                .then().statusCode(409).body("type", containsString("gtin-in-another-brands-prefix"));
        given().auth().oauth2(Tokens.admin()).put("/api/v1/brands/" + rival + "/licensed-gtins/12345")
                .then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(Tokens.admin()).delete(licence).then().statusCode(204);
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id).then().body("verifiedGtins", empty());
        assertThat(unverifiedListing(brand)).containsExactly(gtin);
    }

    @Test
    void brandContactEditRepublishesItsProductsWithTheNewContacts() throws Exception {
        String brand = Catalogue.newBrand();
        String id = Catalogue.createPublished(brand, Catalogue.product("K-1"));
        String etag = given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/brands/" + brand).header("ETag");
        String email = "night-desk@" + brand + ".example";

        given().auth().oauth2(Tokens.brand(brand)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("name", "Brand " + brand, "contacts", List.of(Map.of("country", "*", "language", "en",
                        "name", "Night desk", "email", email, "urgent", true))))
                .put("/api/v1/brands/" + brand).then().statusCode(200);

        try (TopicReader topic = new TopicReader(Topics.PRODUCT_EVENTS)) {
            ConsumerRecord<String, String> record = topic.awaitOne(r -> id.equals(r.key()) && r.value().contains(email));
            JsonNode snapshot = json.readTree(record.value()).get("product");
            assertThat(snapshot.get("status").asText()).isEqualTo("PUBLISHED");
            assertThat(snapshot.get("contacts")).hasSize(1);
            assertThat(snapshot.get("version").asLong()).isGreaterThan(1);
        }
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id + "/history").then().statusCode(200)
                .body("kind", contains("CREATED", "PUBLISHED", "BRAND_CHANGED"))
                .body("[2].changedBy", equalTo("user@" + brand))
                .body("[2].changes.contacts.to[0].email", equalTo(email));
    }

    /** The brand's entries of the administrators' paged list, read page by page. */
    private static List<String> unverifiedListing(String brand) {
        List<String> gtins = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            var body = given().auth().oauth2(Tokens.admin()).queryParam("page", page).queryParam("size", 200)
                    .get("/api/v1/admin/unverified-gtins").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            items.stream().filter(i -> brand.equals(i.get("brandId"))).forEach(i -> gtins.add((String) i.get("gtin")));
            if (items.isEmpty() || (long) (page + 1) * 200 >= body.getLong("total")) {
                return gtins;
            }
        }
    }
}
