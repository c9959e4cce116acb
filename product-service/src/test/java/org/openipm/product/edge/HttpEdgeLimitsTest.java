package org.openipm.product.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** The edge's limits hold on what is actually sent, and every refusal, even before the application, is a problem. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class HttpEdgeLimitsTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void chunkedThreeMegabyteJsonIsRefusedAndCreatesNothing() throws Exception {
        String brand = Catalogue.newBrand();
        String json = "{\"sku\":\"CHUNKED\",\"name\":\"n\",\"category\":\"WATCHES\",\"description\":\""
                + "x".repeat(3 * 1024 * 1024) + "\"}";
        RawHttp.Answer answer = RawHttp.sendChunked(base.getPort(), "POST", "/api/v1/products", Tokens.brand(brand),
                "application/json", json.getBytes(StandardCharsets.UTF_8), true);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("payload-too-large").contains("1048576");
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void oversizedImageIsRefusedWhileItIsStillBeingSent() throws Exception {
        String brand = Catalogue.newBrand();
        String id = Catalogue.create(brand, Catalogue.product("BIG-IMG")).path("id");
        byte[] image = new byte[3 * 1024 * 1024];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, image, 0, 8);
        // The body never ends: only a server that counts the bytes as they arrive can answer.
        RawHttp.Answer answer = RawHttp.sendChunked(base.getPort(), "POST", "/api/v1/products/" + id + "/images",
                Tokens.brand(brand), "image/png", image, false);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("2097152");
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id).then()
                .body("imageIds.size()", equalTo(0));
    }

    @Test
    void deeplyNestedJsonIsRefusedNamingTheLimit() {
        String brand = Catalogue.newBrand();
        // In a field the API does not know: it would otherwise be skipped, however deep, and the product created.
        String nested = "[".repeat(500) + "]".repeat(500);
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body("{\"sku\":\"DEEP\",\"name\":\"n\",\"category\":\"WATCHES\",\"notes\":" + nested + "}")
                .post("/api/v1/products").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/json-too-deep"))
                .body("detail", equalTo("The JSON body nests deeper than 32 levels"));
        assertNoProducts(brand);
    }

    @Test
    void hugeStringIsRefusedNamingTheLimit() {
        String brand = Catalogue.newBrand();
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body("{\"sku\":\"LONG\",\"name\":\"n\",\"category\":\"WATCHES\",\"description\":\""
                        + "x".repeat(900_000) + "\"}")
                .post("/api/v1/products").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/json-string-too-long"))
                .body("detail", containsString("65536 characters"));
        assertNoProducts(brand);
    }

    @Test
    void pageFarBeyondTheMaximumOffsetIsRefused() {
        given().auth().oauth2(Tokens.admin()).queryParam("page", Integer.MAX_VALUE).queryParam("size", 2)
                .get("/api/v1/products").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/page-out-of-range"));
        given().auth().oauth2(Tokens.admin()).queryParam("page", 101).queryParam("size", 100)
                .get("/api/v1/brands/" + Catalogue.newBrand() + "/access-log").then().statusCode(400)
                .body("type", equalTo("https://openipm.org/problems/page-out-of-range"));
        given().auth().oauth2(Tokens.admin()).queryParam("page", 50).queryParam("size", 200)
                .get("/api/v1/products").then().statusCode(200);
    }

    @Test
    void tooLongQueryStringIsAProblem() {
        given().auth().oauth2(Tokens.admin()).queryParam("q", "x".repeat(9 * 1024))
                .get("/api/v1/products").then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/uri-too-long"));
    }

    @Test
    void tooLargeHeadersAreAProblem() {
        given().auth().oauth2(Tokens.admin()).header("X-Padding", "x".repeat(30 * 1024))
                .get("/api/v1/products").then().statusCode(431).contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/headers-too-large"));
    }

    @Test
    void wrongMethodAndWrongMediaTypeAreProblemsInOurWords() {
        given().auth().oauth2(Tokens.admin()).delete("/api/v1/products").then().statusCode(405)
                .contentType("application/problem+json")
                .body("detail", equalTo("This resource does not accept this method"));
        given().auth().oauth2(Tokens.brand(Catalogue.newBrand())).contentType("text/plain").body("sku=1")
                .post("/api/v1/products").then().statusCode(415).contentType("application/problem+json")
                .body("detail", equalTo("This resource does not accept this Content-Type"));
    }

    private static void assertNoProducts(String brand) {
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products").then().statusCode(200)
                .body("total", equalTo(0));
    }
}
