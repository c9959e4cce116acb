package org.openipm.product.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** Each kind of bad input gets a precise 4xx problem and leaves the catalogue as it was. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProductBadInputTest {

    @Test
    void wrongGtinCheckDigitIsRefusedNamingTheField() {
        String brand = Catalogue.newBrand();
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Catalogue.product("BAD-GTIN", "09520123456789"))
                .post("/api/v1/products").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("gtins[0]"))
                .body("detail", containsString("check digit"));
        assertNoProducts(brand);
    }

    @Test
    void unknownCategoryIsRefused() {
        String brand = Catalogue.newBrand();
        Map<String, Object> product = new HashMap<>(Catalogue.product("CAT-1"));
        product.put("category", "SPACESHIPS");
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON).body(product)
                .post("/api/v1/products").then().statusCode(400)
                .body("type", equalTo("https://openipm.org/problems/malformed-json"))
                .body("detail", containsString("category"));
        assertNoProducts(brand);
    }

    @Test
    void costlyCodePatternIsRefused() {
        String brand = Catalogue.newBrand();
        Map<String, Object> product = new HashMap<>(Catalogue.product("PAT-1"));
        product.put("codePatterns", List.of(Map.of("regex", "((a{1,100}){1,100}){1,100}")));
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON).body(product)
                .post("/api/v1/products").then().statusCode(400)
                .body("errors.field", hasItem("codePatterns[0].regex"))
                .body("errors[0].message", containsString("nested counted repetition"));
        assertNoProducts(brand);
    }

    @Test
    void tenMegabyteJsonIsRefusedBeforeBeingRead() {
        String brand = Catalogue.newBrand();
        String huge = "{\"sku\":\"HUGE\",\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\",\"category\":\"WATCHES\"}";
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON).body(huge)
                .post("/api/v1/products").then().statusCode(413).contentType("application/problem+json");
        assertNoProducts(brand);
    }

    @Test
    void brandIdOfAnotherBrandInTheBodyIsRefused() {
        String brand = Catalogue.newBrand();
        String victim = Catalogue.newBrand();
        Map<String, Object> product = new HashMap<>(Catalogue.product("INJECTED"));
        product.put("brandId", victim);
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON).body(product)
                .post("/api/v1/products").then().statusCode(403).contentType("application/problem+json");
        assertNoProducts(brand);
        assertNoProducts(victim);
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        given().auth().oauth2(Tokens.brand(Catalogue.newBrand())).contentType(ContentType.JSON).body("{\"sku\": ")
                .post("/api/v1/products").then().statusCode(400)
                .body("type", equalTo("https://openipm.org/problems/malformed-json"));
    }

    @Test
    void staleWriteIsRefusedWithPreconditionFailed() {
        String brand = Catalogue.newBrand();
        var created = Catalogue.create(brand, Catalogue.product("STALE-1"));
        String id = created.path("id");
        String firstTag = created.header("ETag");
        Map<String, Object> renamed = new HashMap<>(Catalogue.product("STALE-1"));
        renamed.put("name", "First rename");
        given().auth().oauth2(Tokens.brand(brand)).header("If-Match", firstTag).contentType(ContentType.JSON)
                .body(renamed).put("/api/v1/products/" + id).then().statusCode(200);
        renamed.put("name", "Second rename from a stale copy");
        given().auth().oauth2(Tokens.brand(brand)).header("If-Match", firstTag).contentType(ContentType.JSON)
                .body(renamed).put("/api/v1/products/" + id).then().statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON).body(renamed)
                .put("/api/v1/products/" + id).then().statusCode(428);
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id)
                .then().body("name", equalTo("First rename"));
    }

    @Test
    void oversizedOrDisguisedImageIsRefused() {
        String brand = Catalogue.newBrand();
        String id = Catalogue.create(brand, Catalogue.product("IMG-1")).path("id");
        given().auth().oauth2(Tokens.brand(brand)).contentType("image/png").body(new byte[3 * 1024 * 1024])
                .post("/api/v1/products/" + id + "/images").then().statusCode(413);
        given().auth().oauth2(Tokens.brand(brand)).contentType("image/png").body("#!/bin/sh\nrm -rf /".getBytes())
                .post("/api/v1/products/" + id + "/images").then().statusCode(415);
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id)
                .then().body("imageIds.size()", equalTo(0));
    }

    private static void assertNoProducts(String brand) {
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products").then().statusCode(200)
                .body("total", equalTo(0));
    }
}
