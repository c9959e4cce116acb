package org.openipm.product.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProductCatalogueTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4};

    @Test
    void gtinsAreStoredAsFourteenDigits() {
        String brand = Catalogue.newBrand("400638");
        Catalogue.create(brand, Catalogue.product("G-1", "4006381333931", "96385074"))
                .response().then().body("gtins", contains("04006381333931", "00000096385074"));
    }

    @Test
    void gtinOutsideTheBrandsPrefixesIsStoredWithAWarning() {
        String brand = Catalogue.newBrand(Catalogue.uniquePrefix());
        Catalogue.create(brand, Catalogue.product("G-2", "4006381333931"))
                .response().then().body("warnings[0]", containsString("outside the brand's GS1 company prefixes"));
    }

    @Test
    void sameGtinClaimedByTwoBrandsIsAConflictTheAdminSees() {
        String first = Catalogue.newBrand();
        String second = Catalogue.newBrand();
        Catalogue.create(first, Catalogue.product("C-1", "5012345678900"));
        Catalogue.create(second, Catalogue.product("C-2", "5012345678900"))
                .response().then().body("warnings", hasItem(containsString("also claimed by another brand")));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/gtin-conflicts").then().statusCode(200)
                .body("find { it.gtin == '05012345678900' }.brandIds", contains(
                        first.compareTo(second) < 0 ? first : second, first.compareTo(second) < 0 ? second : first));
    }

    @Test
    void historyTellsWhoChangedWhatAndWhen() {
        String brand = Catalogue.newBrand();
        var created = Catalogue.create(brand, Catalogue.product("H-1"));
        String id = created.path("id");
        Map<String, Object> renamed = new HashMap<>(Catalogue.product("H-1"));
        renamed.put("name", "Renamed watch");
        given().auth().oauth2(Tokens.brand(brand)).header("If-Match", created.header("ETag"))
                .contentType(ContentType.JSON).body(renamed).put("/api/v1/products/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id + "/history").then().statusCode(200)
                .body("kind", contains("CREATED", "UPDATED"))
                .body("[1].changedBy", equalTo("user@" + brand))
                .body("[1].changes", hasKey("name"))
                .body("[1].changes.name.to", equalTo("Renamed watch"));
    }

    @Test
    void listIsPagedFilteredAndSorted() {
        String brand = Catalogue.newBrand();
        for (String sku : new String[] {"L-3", "L-1", "L-2"}) {
            Catalogue.create(brand, Catalogue.product(sku));
        }
        given().auth().oauth2(Tokens.brand(brand)).queryParam("sort", "-sku").queryParam("size", 2)
                .get("/api/v1/products").then().statusCode(200)
                .body("total", equalTo(3)).body("items.sku", contains("L-3", "L-2"));
        given().auth().oauth2(Tokens.brand(brand)).queryParam("q", "l-1").get("/api/v1/products")
                .then().body("items.sku", contains("L-1"));
        given().auth().oauth2(Tokens.brand(brand)).queryParam("sort", "password").get("/api/v1/products")
                .then().statusCode(400);
    }

    @Test
    void imageIsStoredAndServedBack() {
        String brand = Catalogue.newBrand();
        String id = Catalogue.create(brand, Catalogue.product("I-1")).path("id");
        String imageId = given().auth().oauth2(Tokens.brand(brand)).contentType("image/png").body(PNG)
                .post("/api/v1/products/" + id + "/images").then().statusCode(201).extract().path("id");
        byte[] served = given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id + "/images/" + imageId)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        org.assertj.core.api.Assertions.assertThat(served).isEqualTo(PNG);
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id).then().body("imageIds", hasItem(imageId));
    }
}
