package org.openipm.product.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** A brand never reads, changes or learns of another brand's products; officers see published ones only. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProductAuthorizationTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Test
    void brandCannotSeeAnotherBrandsDraft() {
        String owner = Catalogue.newBrand();
        String rival = Catalogue.newBrand();
        var draft = Catalogue.create(owner, Catalogue.product("SECRET-1"));
        String id = draft.path("id");
        String etag = draft.header("ETag");

        given().auth().oauth2(Tokens.brand(rival)).get("/api/v1/products/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.brand(rival)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Catalogue.product("SECRET-1")).put("/api/v1/products/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.brand(rival)).header("If-Match", etag)
                .post("/api/v1/products/" + id + "/publish").then().statusCode(404);
        given().auth().oauth2(Tokens.brand(rival)).get("/api/v1/products/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(Tokens.brand(rival)).contentType("image/png").body(PNG)
                .post("/api/v1/products/" + id + "/images").then().statusCode(404);
        given().auth().oauth2(Tokens.brand(rival)).queryParam("brandId", owner).get("/api/v1/products")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.brand(owner)).get("/api/v1/products/" + id)
                .then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void officerSeesPublishedProductsOnlyWithTheirCovertFeatures() {
        String brand = Catalogue.newBrand();
        String draftId = Catalogue.create(brand, Catalogue.product("DRAFT-1")).path("id");
        String publishedId = Catalogue.createPublished(brand, Catalogue.product("PUB-1"));
        String officer = Tokens.officer("fr-customs", "FR");

        given().auth().oauth2(officer).get("/api/v1/products/" + draftId).then().statusCode(404);
        given().auth().oauth2(officer).get("/api/v1/products/" + publishedId)
                .then().statusCode(200).body("features.visibility", hasItem("COVERT"));
        given().auth().oauth2(officer).queryParam("brandId", brand).get("/api/v1/products")
                .then().statusCode(200).body("items.status", everyItem(equalTo("PUBLISHED")))
                .body("total", equalTo(1));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Catalogue.product("X"))
                .post("/api/v1/products").then().statusCode(403);
    }

    @Test
    void brandEditsOnlyItsOwnBrandRecord() {
        String owner = Catalogue.newBrand();
        String rival = Catalogue.newBrand();
        String etag = given().auth().oauth2(Tokens.brand(owner)).get("/api/v1/brands/" + owner)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.brand(rival)).get("/api/v1/brands/" + owner).then().statusCode(404);
        given().auth().oauth2(Tokens.brand(rival)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(java.util.Map.of("name", "Taken over")).put("/api/v1/brands/" + owner).then().statusCode(404);
        given().auth().oauth2(Tokens.brand(owner)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(java.util.Map.of("name", "Renamed")).put("/api/v1/brands/" + owner)
                .then().statusCode(200).body("name", equalTo("Renamed"));
        given().auth().oauth2(Tokens.brand(owner)).contentType(ContentType.JSON)
                .body(java.util.Map.of("id", "self-made", "name", "Self made")).post("/api/v1/brands")
                .then().statusCode(403);
    }

    @Test
    void brandCannotReadAnotherBrandsAccessLogOrImports() {
        String owner = Catalogue.newBrand();
        String rival = Catalogue.newBrand();
        given().auth().oauth2(Tokens.brand(rival)).get("/api/v1/brands/" + owner + "/access-log").then().statusCode(404);
        given().auth().oauth2(Tokens.brand(rival)).contentType("text/csv").body("sku,name,category\nA,B,WATCHES\n")
                .post("/api/v1/brands/" + owner + "/imports").then().statusCode(404);
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).get("/api/v1/brands/" + owner + "/access-log")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.brand(owner)).get("/api/v1/brands/" + owner + "/access-log").then().statusCode(200);
    }

    @Test
    void onlyAnAdministratorSeesGtinConflicts() {
        given().auth().oauth2(Tokens.brand(Catalogue.newBrand())).get("/api/v1/admin/gtin-conflicts").then().statusCode(403);
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).get("/api/v1/admin/gtin-conflicts").then().statusCode(403);
    }
}
