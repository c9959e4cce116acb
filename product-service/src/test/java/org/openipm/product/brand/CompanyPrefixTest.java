package org.openipm.product.brand;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** Company prefixes are granted by an administrator, never claimed: one brand per prefix, nested ones included. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CompanyPrefixTest {

    @Test
    void brandCannotPutAnotherBrandsPrefixNorANewOneAndNothingChanges() {
        String owned = Catalogue.uniquePrefix();
        Catalogue.newBrand(owned);
        String mine = Catalogue.uniquePrefix();
        String brand = Catalogue.newBrand(mine);
        ExtractableResponse<Response> before = read(brand);

        for (String claimed : List.of(owned, owned + "3", owned.substring(0, 7))) {
            given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                    .header("If-Match", before.header("ETag")).body(edit(brand, List.of(mine, claimed)))
                    .put("/api/v1/brands/" + brand)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("granted to another brand"))
                    .body("detail", not(containsString(brand)));
        }
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .header("If-Match", before.header("ETag")).body(edit(brand, List.of(mine, Catalogue.uniquePrefix())))
                .put("/api/v1/brands/" + brand)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("prefixes-granted-by-admin"))
                .body("detail", containsString("/prefix-requests"));

        ExtractableResponse<Response> after = read(brand);
        org.assertj.core.api.Assertions.assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
        org.assertj.core.api.Assertions.assertThat(after.<List<String>>path("companyPrefixes")).containsExactly(mine);
        org.assertj.core.api.Assertions.assertThat(after.<String>path("name")).isEqualTo("Brand " + brand);
    }

    @Test
    void brandEditKeepsItsApprovedPrefixesWhetherItSendsThemOrLeavesThemOut() {
        String mine = Catalogue.uniquePrefix();
        String brand = Catalogue.newBrand(mine);
        String etag = given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .header("If-Match", read(brand).header("ETag")).body(edit(brand, List.of(mine)))
                .put("/api/v1/brands/" + brand).then().statusCode(200).body("companyPrefixes", contains(mine))
                .extract().header("ETag");
        Map<String, Object> withoutPrefixes = Map.of("name", "Renamed " + brand);
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(withoutPrefixes).put("/api/v1/brands/" + brand)
                .then().statusCode(200).body("name", equalTo("Renamed " + brand)).body("companyPrefixes", contains(mine));
    }

    @Test
    void proposingAnotherBrandsPrefixIsAConflictAndRecordsNothing() {
        String owned = Catalogue.uniquePrefix();
        Catalogue.newBrand(owned);
        String brand = Catalogue.newBrand();

        for (String claimed : List.of(owned, owned + "12", owned.substring(0, 6))) {
            propose(brand, claimed).then().statusCode(409).contentType("application/problem+json")
                    .body("type", containsString("prefix-granted-to-another-brand"));
        }
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/brands/" + brand + "/prefix-requests")
                .then().statusCode(200).body("$", empty());
        propose(brand, "12345").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void proposalIsApprovedByAnAdminOnlyAndThePrefixIsThenNobodyElses() {
        String brand = Catalogue.newBrand();
        String rival = Catalogue.newBrand();
        String prefix = Catalogue.uniquePrefix();

        propose(brand, prefix).then().statusCode(201).body("status", equalTo("PROPOSED"))
                .body("proposedBy", equalTo("user@" + brand));
        propose(brand, prefix).then().statusCode(200).body("status", equalTo("PROPOSED"));
        propose(rival, prefix).then().statusCode(201); // nobody holds it yet: both may ask

        String requests = "/api/v1/brands/" + brand + "/prefix-requests";
        String approve = requests + "/" + prefix + "/approve";
        given().auth().oauth2(Tokens.brand(rival)).get(requests).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.brand(rival)).contentType(ContentType.JSON).body(Map.of("prefix", prefix))
                .post(requests).then().statusCode(404);
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).get(requests).then().statusCode(403);
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).contentType(ContentType.JSON)
                .body(Map.of("prefix", prefix)).post(requests).then().statusCode(403);
        String etag = read(brand).header("ETag");
        given().auth().oauth2(Tokens.brand(brand)).header("If-Match", etag).post(approve).then().statusCode(403);
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).header("If-Match", etag).post(approve)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).post(approve).then().statusCode(428);
        given().auth().oauth2(Tokens.admin()).header("If-Match", "\"999\"").post(approve).then().statusCode(412);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/prefix-requests").then().statusCode(200)
                .body("findAll { it.brandId == '" + brand + "' }.prefix", contains(prefix));

        String approvedTag = given().auth().oauth2(Tokens.admin()).header("If-Match", etag).post(approve)
                .then().statusCode(200).body("companyPrefixes", contains(prefix)).extract().header("ETag");
        org.assertj.core.api.Assertions.assertThat(approvedTag).isNotEqualTo(etag);
        given().auth().oauth2(Tokens.brand(brand)).get(requests).then().statusCode(200)
                .body("status", contains("APPROVED")).body("decidedBy", contains("platform-admin"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/prefix-requests").then().statusCode(200)
                .body("brandId", not(hasItem(brand)));

        // The rival's earlier proposal can no longer be approved, and no new one, nested or not, is accepted.
        given().auth().oauth2(Tokens.admin()).header("If-Match", read(rival).header("ETag"))
                .post("/api/v1/brands/" + rival + "/prefix-requests/" + prefix + "/approve")
                .then().statusCode(409).contentType("application/problem+json");
        propose(rival, prefix + "4").then().statusCode(409);
        read(rival).response().then().body("companyPrefixes", empty());
    }

    @Test
    void adminRejectsAProposalAndTheBrandKeepsItsPrefixes() {
        String mine = Catalogue.uniquePrefix();
        String brand = Catalogue.newBrand(mine);
        String prefix = Catalogue.uniquePrefix();
        propose(brand, prefix).then().statusCode(201);
        String reject = "/api/v1/brands/" + brand + "/prefix-requests/" + prefix + "/reject";

        given().auth().oauth2(Tokens.brand(brand)).post(reject).then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).post(reject).then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(Tokens.admin()).post("/api/v1/brands/" + brand + "/prefix-requests/" + mine + "/reject")
                .then().statusCode(409);
        read(brand).response().then().body("companyPrefixes", contains(mine));
    }

    @Test
    void adminCannotRegisterABrandWithAPrefixAlreadyGranted() {
        String owned = Catalogue.uniquePrefix();
        Catalogue.newBrand(owned);
        String id = "brand-dup-" + owned;
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Copycat", "companyPrefixes", List.of(owned + "9")))
                .post("/api/v1/brands").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/brands/" + id).then().statusCode(404);
    }

    private static Response propose(String brand, String prefix) {
        return given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON).body(Map.of("prefix", prefix))
                .post("/api/v1/brands/" + brand + "/prefix-requests");
    }

    private static ExtractableResponse<Response> read(String brand) {
        return given().auth().oauth2(Tokens.admin()).get("/api/v1/brands/" + brand).then().statusCode(200).extract();
    }

    private static Map<String, Object> edit(String brand, List<String> prefixes) {
        return Map.of("name", "Brand " + brand, "companyPrefixes", prefixes, "countries", List.of("FR"));
    }
}
