package org.openipm.messaging.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.openipm.messaging.Fixtures.goods;
import static org.openipm.messaging.Fixtures.shipment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/**
 * Only participants see a case, and a brand only its own goods: one shipment holding two brands' products, read by
 * every kind of caller.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseVisibilityTest {

    private String authority;
    private Product watches;
    private Product bags;
    private String caseId;

    @BeforeEach
    void aShipmentWithTwoBrandsGoodsAndAnUnmatchedLine() {
        Fixtures.TwoBrandCase shared = Fixtures.twoBrandCase((watchesProduct, bagsProduct) -> List.of(
                goods("Wrist watches", "(01)" + watchesProduct.gtin() + "(21)W-1"),
                goods("Handbags", "https://id.example.com/01/" + bagsProduct.gtin()),
                goods("Unbranded straps", Fixtures.newGtin14())));
        authority = shared.authority();
        watches = shared.watches();
        bags = shared.bags();
        caseId = shared.caseId();
    }

    @Test
    void theFlaggingAuthoritysOfficersSeeEverything() {
        JsonPath seen = given().auth().oauth2(Tokens.officer(authority, "FR")).get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).extract().jsonPath();

        assertThat(seen.getString("status")).isEqualTo("FLAGGED");
        assertThat(seen.getList("goods.description")).containsExactly("Wrist watches", "Handbags",
                "Unbranded straps");
        assertThat(seen.getString("parties.trader.name")).isEqualTo("Jean Trader");
        assertThat(seen.getString("notes")).contains("R-17");
        // The flagging authority first, then the brands by id.
        assertThat(seen.getList("participants.id")).containsExactly(authority, bags.brandId(), watches.brandId());
    }

    @Test
    void twoBrandsInOneShipmentEachSeeOnlyTheirOwnGoodsAndNoPersonalData() {
        JsonPath watchesView = brandView(watches);
        JsonPath bagsView = brandView(bags);

        assertThat(watchesView.getList("goods.description")).containsExactly("Wrist watches");
        assertThat(watchesView.getList("goods[0].products.productId")).containsExactly(watches.productId().toString());
        assertThat(watchesView.getList("goods[0].products.code")).containsExactly("(01)" + watches.gtin() + "(21)W-1");
        assertThat(bagsView.getList("goods.description")).containsExactly("Handbags");
        for (JsonPath view : List.of(watchesView, bagsView)) {
            String json = view.prettify();
            assertThat(json).doesNotContain("Jean Trader").doesNotContain("Consignee SARL")
                    .doesNotContain("Shenzhen").doesNotContain("R-17").doesNotContain("Unbranded")
                    .doesNotContain("identifiers").doesNotContain("linkedCases").doesNotContain("flaggedBy");
            assertThat(view.getString("office")).isEqualTo("FRLEH");
            assertThat(view.getList("authorities")).containsExactly(authority);
        }
        assertThat(watchesView.prettify()).doesNotContain(bags.brandId()).doesNotContain(bags.gtin());
        assertThat(bagsView.prettify()).doesNotContain(watches.brandId()).doesNotContain(watches.gtin());
    }

    @Test
    void everyoneWhoTakesNoPartGets404OnTheCaseAndDoesNotFindItInALists() {
        String otherAuthority = Fixtures.registerAuthority("BE", "BEANR");
        for (String token : List.of(Tokens.officer(otherAuthority, "BE"), Tokens.brand(Fixtures.newId("other")),
                Tokens.admin(), Tokens.withRole("customs-system", authority, "FR"),
                Tokens.withRole("ssp", "seal", "FR"))) {
            given().auth().oauth2(token).get("/api/v1/cases/{id}", caseId).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/v1/cases").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseId)));
        }
        given().auth().oauth2(Tokens.officer(authority, "FR")).get("/api/v1/cases/{id}", UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void myCasesListsTheCallersCasesFilteredByStatusAndBrand() {
        String otherCase = Fixtures.flag(authority, "FR", shipment("FRLEH", Fixtures.newContainerNumber(),
                List.of(goods("Wrist watches", watches.productId())))).getString("caseId");
        String officer = Tokens.officer(authority, "FR");

        given().auth().oauth2(officer).get("/api/v1/cases").then().statusCode(200).body("total", equalTo(2))
                .body("items.id", equalTo(List.of(otherCase, caseId)))
                .body("items[1].brandIds", equalTo(List.of(bags.brandId(), watches.brandId()).stream().sorted()
                        .toList()));
        given().auth().oauth2(officer).queryParam("brand", bags.brandId()).get("/api/v1/cases").then()
                .body("items.id", equalTo(List.of(caseId)));
        given().auth().oauth2(officer).queryParam("status", "FLAGGED").queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/cases").then().body("items.id", equalTo(List.of(caseId))).body("total", equalTo(2));
        given().auth().oauth2(officer).queryParam("status", "CLOSED").get("/api/v1/cases").then()
                .body("total", equalTo(0));
        given().auth().oauth2(officer).queryParam("status", "OPEN").get("/api/v1/cases").then().statusCode(400);
        given().auth().oauth2(officer).queryParam("size", 101).get("/api/v1/cases").then().statusCode(400);

        String bagsToken = Tokens.brand(bags.brandId());
        given().auth().oauth2(bagsToken).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", equalTo(List.of(caseId))).body("items[0].brandIds", equalTo(List.of(bags.brandId())));
        // Asking for another brand's cases tells a brand nothing, not even that it shares one with it.
        given().auth().oauth2(bagsToken).queryParam("brand", watches.brandId()).get("/api/v1/cases").then()
                .body("total", equalTo(0));
        given().auth().oauth2(Tokens.brand(watches.brandId())).get("/api/v1/cases").then()
                .body("items.id", equalTo(List.of(otherCase, caseId)));
    }

    private JsonPath brandView(Product product) {
        return given().auth().oauth2(Tokens.brand(product.brandId())).get("/api/v1/cases/{id}", caseId).then()
                .statusCode(200).extract().jsonPath();
    }
}
