package org.openipm.product;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openipm.testing.Tokens;

/** Test steps a brand and an admin take through the API; each test uses brands of its own. */
public final class Catalogue {

    private Catalogue() {
    }

    public static String newBrand(String... companyPrefixes) {
        String id = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Brand " + id, "companyPrefixes", List.of(companyPrefixes),
                        "countries", List.of("FR"),
                        "contacts", List.of(Map.of("country", "FR", "language", "fr", "name", "Service protection",
                                "email", "ipr@" + id + ".example", "urgent", true))))
                .post("/api/v1/brands").then().statusCode(201);
        return id;
    }

    /**
     * A 9-digit GS1 company prefix no other test uses: an approved prefix belongs to one brand only, nested ones
     * included, and every test here shares one database. Fixed prefixes in tests start with 9, 4 or 7.
     */
    public static String uniquePrefix() {
        return "8" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A GTIN-14 (indicator 0) inside the prefix, with its check digit. */
    public static String gtinIn(String prefix, int item) {
        String body = "0" + prefix + String.format("%0" + (12 - prefix.length()) + "d", item);
        return body + org.openipm.codes.Gtin.checkDigit(body);
    }

    public static Map<String, Object> product(String sku, String... gtins) {
        return Map.of("sku", sku, "name", "Watch " + sku, "category", "WATCHES",
                "description", "Steel case, sapphire glass", "gtins", List.of(gtins),
                "features", List.of(
                        Map.of("kind", "GENUINE", "title", "Engraved logo", "location", "crown",
                                "howFakesDiffer", "printed, not engraved"),
                        Map.of("kind", "SECURITY", "title", "UV mark", "location", "inside strap",
                                "visibility", "COVERT")));
    }

    public static ExtractableResponse<Response> create(String brandId, Map<String, Object> product) {
        return given().auth().oauth2(Tokens.brand(brandId)).contentType(ContentType.JSON).body(product)
                .post("/api/v1/products").then().statusCode(201).extract();
    }

    public static String createPublished(String brandId, Map<String, Object> product) {
        var created = create(brandId, product);
        String id = created.path("id");
        given().auth().oauth2(Tokens.brand(brandId)).header("If-Match", created.header("ETag"))
                .post("/api/v1/products/" + id + "/publish").then().statusCode(200);
        return id;
    }
}
