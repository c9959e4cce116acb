package org.openipm.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openipm.testing.Tokens;

/**
 * ISO 22378 across services: a brand registers a product, an officer scans its Digital Link URI in lookup-service,
 * and the brand reads that view in its access log in product-service (product-viewed through the real broker).
 */
@ExtendWith(PlatformExtension.class)
class InspectorAccessLogIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform(RunningPlatform running) {
        platform = running;
    }

    @Test
    void brandSeesWhichOfficerScannedItsProduct() {
        String catalogue = platform.url("product-service");
        String brand = "log-" + UUID.randomUUID().toString().substring(0, 8);
        // The administrator grants the brand its GS1 company prefix: only a verified code makes a brand the owner
        // of a scan, and so the recipient of its access-log entries.
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", brand, "name", "Maison " + brand, "companyPrefixes", List.of("4006381")))
                .post(catalogue + "/api/v1/brands")
                .then().statusCode(201);
        var created = given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Map.of("sku", "PERFUME-50", "name", "Eau de parfum 50 ml", "category", "PERFUMES",
                        "gtins", List.of("4006381333931")))
                .post(catalogue + "/api/v1/products").then().statusCode(201).extract();
        String productId = created.path("id");
        given().auth().oauth2(Tokens.brand(brand)).header("If-Match", created.header("ETag"))
                .post(catalogue + "/api/v1/products/" + productId + "/publish").then().statusCode(200);

        String officer = Tokens.officer("be-customs", "BE");
        String scan = "https://brand.example/p/01/04006381333931/10/LOT42?17=301231";
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(officer).queryParam("code", scan)
                        .get(platform.url("lookup-service") + "/api/v1/lookup")
                        .then().statusCode(200).body("products.productId", hasItem(productId)));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.brand(brand)).get(catalogue + "/api/v1/brands/" + brand + "/access-log")
                        .then().statusCode(200)
                        .body("items.productId", hasItem(productId))
                        .body("items[0].authority", equalTo("be-customs"))
                        .body("items[0].country", equalTo("BE"))
                        .body("items[0].code", equalTo(scan)));
        given().auth().oauth2(Tokens.brand("someone-else")).get(catalogue + "/api/v1/brands/" + brand + "/access-log")
                .then().statusCode(404);
    }
}
