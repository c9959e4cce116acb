package org.openipm.lookup.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.openipm.lookup.CatalogueEvents.lookupAsOfficer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.lookup.CatalogueEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/**
 * What one hostile brand can do to everybody's scans through its catalogue: a pattern that makes a backtracking
 * matcher explode, and a flood of products matching one code. Products arrive on product-events (real Kafka) into
 * the read model (real PostgreSQL).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class HostileCatalogueTest {

    /** A hang guard, not a timing: a backtracking matcher needed seconds at 26 characters, doubling per character. */
    private static final Duration PROMPTLY = Duration.ofSeconds(30);

    @Test
    void catastrophicPatternCannotStallInterpretationsOrLookups() {
        var product = CatalogueEvents.product().pattern("box-serial", "(a|a){1,100}");
        CatalogueEvents.awaitConsumedPast(product.send());
        lookupAsOfficer("aaaa").body("products.productId", hasItem(product.id().toString()));

        assertTimeoutPreemptively(PROMPTLY, () -> {
            for (int as : new int[] {26, 40, 99}) {
                String code = "a".repeat(as) + "!";
                given().auth().oauth2(Tokens.officer("fr-customs", "FR")).queryParam("code", code)
                        .get("/api/v1/codes/interpret").then().statusCode(200)
                        .body("kind", equalTo("UNKNOWN"));
                lookupAsOfficer(code).body("products", hasSize(0));
            }
            // Longer than patterns are tried on: said in the interpretation.
            given().auth().oauth2(Tokens.brand("some-brand")).contentType(ContentType.JSON)
                    .body(Map.of("code", "a".repeat(2000) + "!")).post("/api/v1/codes/interpret").then()
                    .statusCode(200).body("problems.code", hasItem("TOO_LONG_FOR_PATTERNS"));
            // Beyond what any code can be: refused at once (a 5,000-character query string may stop at the HTTP layer).
            given().auth().oauth2(Tokens.officer("fr-customs", "FR")).queryParam("code", "a".repeat(5_000) + "!")
                    .get("/api/v1/lookup").then().statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)));
            given().auth().oauth2(Tokens.brand("some-brand")).contentType(ContentType.JSON)
                    .body(Map.of("code", "a".repeat(5_000) + "!")).post("/api/v1/codes/interpret").then()
                    .statusCode(400).contentType("application/problem+json");
        });
    }

    @Test
    void floodOfProductsMatchingOneCodeIsCappedAndOtherBrandsStayVisible() {
        String prefix = "ZF" + CatalogueEvents.digits(6);
        String regex = prefix + "-[0-9]{6}";
        List<CatalogueEvents.Product> flood = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            flood.add(CatalogueEvents.product().brand("flooder-" + prefix).pattern("p" + i, regex));
        }
        var genuine = CatalogueEvents.product().pattern("serial", regex);
        flood.forEach(CatalogueEvents.Product::send);
        genuine.send();
        String code = prefix + "-123456";

        JsonPath answer = awaitTotal(code, 25);
        assertThat(answer.getList("products")).hasSize(20);
        assertThat(answer.getBoolean("more")).isTrue();
        // One brand's flood cannot push another brand's product out of the answer.
        assertThat(answer.getList("products.productId", String.class)).contains(genuine.id().toString());
    }

    @Test
    void cappedAnswerFollowsChangesToProductsItDoesNotShow() {
        String gtin = CatalogueEvents.newGtin13();
        String brand = "claimer-" + gtin;
        List<CatalogueEvents.Product> claimants = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            claimants.add(CatalogueEvents.product().brand(brand).gtins(gtin));
        }
        claimants.forEach(CatalogueEvents.Product::send);
        JsonPath first = awaitTotal(gtin, 22);
        assertThat(first.getList("products")).hasSize(20);
        assertThat(first.getBoolean("more")).isTrue();
        lookupAsOfficer(gtin).body("total", equalTo(22));

        // A product the answer does not show stops claiming the GTIN: the change names its new GTIN only.
        List<String> shown = first.getList("products.productId", String.class);
        var hidden = claimants.stream().filter(p -> !shown.contains(p.id().toString())).findFirst().orElseThrow();
        hidden.gtins(CatalogueEvents.newGtin13()).version(2).send();
        JsonPath after = awaitTotal(gtin, 21);
        assertThat(after.getBoolean("more")).isTrue();

        claimants.stream().filter(p -> p != hidden).limit(1).forEach(p -> p.status("RETIRED").version(2).send());
        JsonPath exact = awaitTotal(gtin, 20);
        assertThat(exact.getList("products")).hasSize(20);
        assertThat(exact.getBoolean("more")).isFalse();
        // Complete again: kept in memory, and still exact after a change to a product it shows.
        lookupAsOfficer(gtin).body("total", equalTo(20));
        claimants.stream().filter(p -> p != hidden && p.id().toString().equals(exact.getString("products[0].productId")))
                .forEach(p -> p.status("RETIRED").version(3).send());
        assertThat(awaitTotal(gtin, 19).getBoolean("more")).isFalse();
    }

    private static JsonPath awaitTotal(String code, int total) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> lookupAsOfficer(code).extract().jsonPath(), answer -> answer.getInt("total") == total);
    }
}
