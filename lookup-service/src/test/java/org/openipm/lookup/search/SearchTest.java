package org.openipm.lookup.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** Without a code, officers find products by words, best matches first. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class SearchTest {

    @Test
    void nameMatchRanksAboveDescriptionMatch() {
        String word = "zorblax" + UUID.randomUUID().toString().substring(0, 6);
        var named = CatalogueEvents.product().name("Diver " + word);
        var described = CatalogueEvents.product().name("Pilot watch").description("Looks like a " + word + " diver");
        described.send();
        named.send();

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> search(word)
                .body("prefixMatch", equalTo(false))
                .body("results.productId", contains(named.id().toString(), described.id().toString())));
    }

    @Test
    void brandNameAndCategoryAreSearchedToo() {
        String brand = "brand" + CatalogueEvents.digits(6);
        var product = CatalogueEvents.product().brand(brand).category("LEATHER_GOODS");
        product.send();

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> search("Brand " + brand + " leather")
                .body("results", hasSize(1))
                .body("results[0].productId", equalTo(product.id().toString()))
                .body("results[0].brandId", equalTo(brand)));
    }

    @Test
    void wordStillBeingTypedMatchesByPrefix() {
        String word = "quuxwatch" + CatalogueEvents.digits(5);
        var product = CatalogueEvents.product().name("Model " + word);
        product.send();

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> search(word.substring(0, 12))
                .body("prefixMatch", equalTo(true))
                .body("results.productId", contains(product.id().toString())));
    }

    @Test
    void emptyQueryIsABadRequest() {
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).queryParam("q", " ").get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static ValidatableResponse search(String q) {
        return given().auth().oauth2(Tokens.officer("fr-customs", "FR")).queryParam("q", q).get("/api/v1/search")
                .then().statusCode(200);
    }
}
