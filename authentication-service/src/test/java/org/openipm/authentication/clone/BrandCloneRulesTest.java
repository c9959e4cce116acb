package org.openipm.authentication.clone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.openipm.authentication.Fixtures.authenticate;
import static org.openipm.authentication.Fixtures.awaitCatalogue;
import static org.openipm.authentication.Fixtures.awaitCompleted;
import static org.openipm.authentication.Fixtures.digitalLink;
import static org.openipm.authentication.Fixtures.providerFor;
import static org.openipm.authentication.Fixtures.publishedProduct;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.authentication.Fixtures;
import org.openipm.authentication.Fixtures.Product;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/**
 * A brand caps how often one of its codes may be verified genuine ({@code /api/v1/brands/{id}/clone-rules}):
 * the brand itself and administrators read and change it, every change audited; the cap then judges clones.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BrandCloneRulesTest {

    private static final String RULES = "/api/v1/brands/{brandId}/clone-rules";

    @Test
    void aBrandSetsItsLimitsReadsThemBackAndEveryChangeIsAudited() {
        Product product = publishedProduct();
        awaitCatalogue(product);
        String brand = product.brandId();

        put(Tokens.brand(brand), brand, Map.of("maxVerifications", 5, "products", Map.of(product.productId(), 3)))
                .statusCode(200).body("maxVerifications", equalTo(5))
                .body("products." + product.productId(), equalTo(3)).body("defaultMaxVerifications", equalTo(20));
        get(Tokens.brand(brand), brand).statusCode(200).body("brandId", equalTo(brand))
                .body("maxVerifications", equalTo(5)).body("products." + product.productId(), equalTo(3))
                .body("updatedBy", equalTo("user@" + brand));
        put(Tokens.admin(), brand, Map.of("maxVerifications", 7)).statusCode(200)
                .body("maxVerifications", equalTo(7)).body("products.size()", equalTo(0));

        JsonPath audit = given().auth().oauth2(Tokens.brand(brand)).get(RULES + "/audit", brand)
                .then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("changedBy")).containsExactly("user@" + brand, "platform-admin");
        assertThat(audit.getMap("[0].before")).isNull();
        assertThat(audit.getInt("[0].after.maxVerifications")).isEqualTo(5);
        assertThat(audit.getInt("[1].before.maxVerifications")).isEqualTo(5);
        assertThat(audit.getInt("[1].before.products." + product.productId())).isEqualTo(3);
        assertThat(audit.getInt("[1].after.maxVerifications")).isEqualTo(7);
        assertThat(audit.getString("[1].changedAt")).isNotBlank();
    }

    @Test
    void aBrandWithoutRulesSeesTheDefault() {
        String brand = Fixtures.newId("brand");
        get(Tokens.brand(brand), brand).statusCode(200).body("maxVerifications", nullValue())
                .body("defaultMaxVerifications", equalTo(20));
    }

    @Test
    void anotherBrandGets404AnOfficer403AndNobodyWithoutAToken401() {
        String brand = Fixtures.newId("brand");
        String other = Tokens.brand(Fixtures.newId("brand"));
        Map<String, Object> body = Map.of("maxVerifications", 2);

        get(other, brand).statusCode(404).contentType("application/problem+json");
        put(other, brand, body).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other).get(RULES + "/audit", brand).then().statusCode(404);
        String officer = Tokens.officer(Fixtures.AUTHORITY, "FR");
        get(officer, brand).statusCode(403).contentType("application/problem+json");
        put(officer, brand, body).statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(officer).get(RULES + "/audit", brand).then().statusCode(403);
        given().get(RULES, brand).then().statusCode(401);
        given().contentType("application/json").body(body).put(RULES, brand).then().statusCode(401);

        get(Tokens.admin(), brand).statusCode(200).body("maxVerifications", nullValue());
    }

    @Test
    void limitsOutOfRangeAndOtherBrandsProductsAreRefusedAndChangeNothing() {
        Product product = publishedProduct();
        Product othersProduct = publishedProduct();
        awaitCatalogue(product);
        awaitCatalogue(othersProduct);
        String brand = product.brandId();
        String token = Tokens.brand(brand);
        put(token, brand, Map.of("maxVerifications", 4)).statusCode(200);

        put(token, brand, Map.of("maxVerifications", 0)).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("maxVerifications must be between 1 and 1000000"));
        put(token, brand, Map.of("maxVerifications", 1_000_001)).statusCode(400)
                .body("detail", containsString("maxVerifications"));
        put(token, brand, Map.of("products", Map.of(product.productId(), -1))).statusCode(400)
                .body("detail", containsString("products." + product.productId()));
        UUID unknown = UUID.randomUUID();
        put(token, brand, Map.of("products", Map.of(othersProduct.productId(), 2, unknown, 2,
                product.productId(), 2))).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(othersProduct.productId().toString()))
                .body("detail", containsString(unknown.toString()))
                .body("detail", org.hamcrest.Matchers.not(containsString(product.productId().toString())));
        given().auth().oauth2(token).contentType("application/json").body("{\"maxVerifications\": \"many\"}")
                .put(RULES, brand).then().statusCode(400).contentType("application/problem+json");

        get(token, brand).statusCode(200).body("maxVerifications", equalTo(4)).body("products.size()", equalTo(0));
        given().auth().oauth2(token).get(RULES + "/audit", brand).then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void aThirdGenuineVerificationIsAProbableCloneUnderABrandLimitOfTwo() {
        Product product = publishedProduct();
        providerFor(product, 5000);
        awaitCatalogue(product);
        put(Tokens.brand(product.brandId()), product.brandId(), Map.of("maxVerifications", 2)).statusCode(200);
        String code = digitalLink(product, "LIMIT-" + UUID.randomUUID());

        JsonPath first = awaitCompleted(authenticate(code, "FR", 49.49, 0.107));
        JsonPath second = awaitCompleted(authenticate(code, "FR", 49.49, 0.107));
        JsonPath third = awaitCompleted(authenticate(code, "FR", 49.49, 0.107));

        assertThat(first.getString("verdict")).isEqualTo("GENUINE");
        assertThat(second.getString("verdict")).isEqualTo("GENUINE");
        assertThat(third.getString("verdict")).isEqualTo("SUSPECT");
        assertThat(third.getBoolean("probableClone")).isTrue();
        assertThat(third.getString("reason")).isEqualTo("probable clone: the same code has been verified 3 times, "
                + "more than the 2 expected (the brand's limit)");
        assertThat(third.getList("evidence.earlierSightings.requestId")).containsExactlyInAnyOrder(
                first.getString("id"), second.getString("id"));
    }

    private static ValidatableResponse get(String token, String brand) {
        return given().auth().oauth2(token).get(RULES, brand).then();
    }

    private static ValidatableResponse put(String token, String brand, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).put(RULES, brand).then();
    }
}
