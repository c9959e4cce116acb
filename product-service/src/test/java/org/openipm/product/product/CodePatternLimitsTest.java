package org.openipm.product.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/**
 * A hostile brand's code patterns: too broad, too many for one product, too many for one brand. Refused through the
 * API and the bulk import alike, with precise problems, and nothing stored.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CodePatternLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void patternMatchingEveryonesCodesIsRefusedAndNothingIsStored() {
        String brand = Catalogue.newBrand();
        for (String broad : List.of("[A-Z0-9]{10}", ".*")) {
            given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                    .body(withPatterns("BROAD-1", List.of("ACME-[0-9]{8}", broad)))
                    .post("/api/v1/products").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.size()", equalTo(1))
                    .body("errors[0].field", equalTo("codePatterns[1].regex"))
                    .body("errors[0].message", containsString("matches too many codes"));
        }
        assertProducts(brand, 0);
        Catalogue.create(brand, withPatterns("NARROW-1", List.of("ACME-[0-9]{8}")));
        assertProducts(brand, 1);
    }

    @Test
    void eleventhPatternOfAProductIsRefused() {
        String brand = Catalogue.newBrand();
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(withPatterns("ELEVEN", patterns("EL", 0, 11)))
                .post("/api/v1/products").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("codePatterns"))
                .body("errors[0].message", containsString("at most 10 code patterns per product"));
        assertProducts(brand, 0);
        Catalogue.create(brand, withPatterns("TEN", patterns("TE", 0, 10)));
    }

    @Test
    void twoHundredAndFirstPatternOfABrandIsRefused() {
        String brand = Catalogue.newBrand();
        for (int product = 0; product < 20; product++) {
            Catalogue.create(brand, withPatterns("FULL-" + product, patterns("FU", product * 10, 10)));
        }
        given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(withPatterns("ONE-TOO-MANY", patterns("FU", 200, 1)))
                .post("/api/v1/products").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/too-many-code-patterns"))
                .body("errors[0].field", equalTo("codePatterns"))
                .body("errors[0].message", containsString("would have 201 code patterns"));
        assertProducts(brand, 20);
        // Another brand is not held back by this one's patterns, and this one can still add a product without any.
        Catalogue.create(Catalogue.newBrand(), withPatterns("OTHER", patterns("OT", 0, 10)));
        Catalogue.create(brand, withPatterns("NO-PATTERNS", List.of()));
    }

    @Test
    void importRefusesTheRowsOverEitherCap() throws Exception {
        String brand = Catalogue.newBrand();
        StringBuilder lines = new StringBuilder();
        lines.append(row("IMP-11", patterns("IE", 0, 11)));                     // line 1: 11 for one product
        for (int product = 0; product < 20; product++) {                        // lines 2-21: 200 in all
            lines.append(row("IMP-" + product, patterns("IM", product * 10, 10)));
        }
        lines.append(row("IMP-BROAD", List.of("[A-Z0-9]{10}")));                // line 22: too broad
        lines.append(row("IMP-201", patterns("IM", 200, 1)));                   // line 23: the 201st
        String id = given().auth().oauth2(Tokens.brand(brand)).contentType("application/x-ndjson")
                .body(lines.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/brands/" + brand + "/imports").then().statusCode(202).extract().path("id");
        // Imports run one after another on one worker: on a loaded machine this one may wait behind another test's.
        JsonPath done = Awaitility.await().atMost(Duration.ofMinutes(3)).until(
                () -> given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/brands/" + brand + "/imports/" + id)
                        .then().extract().jsonPath(),
                job -> job.getString("status").equals("COMPLETED"));
        assertThat(done.getInt("created")).isEqualTo(20);
        assertThat(done.getList("errors.line", Integer.class)).containsExactly(1, 22, 23);
        assertThat(done.getString("errors[0].message")).contains("at most 10 code patterns per product");
        assertThat(done.getString("errors[1].message")).contains("matches too many codes");
        assertThat(done.getString("errors[2].message")).contains("would have 201 code patterns", "at most 200");
        assertProducts(brand, 20);
    }

    /** Distinct, specific patterns: a fixed prefix each, so none is too broad. */
    private static List<String> patterns(String tag, int first, int count) {
        List<String> patterns = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            patterns.add("ZQ" + tag + i + "-[0-9]{6}");
        }
        return patterns;
    }

    private static Map<String, Object> withPatterns(String sku, List<String> regexes) {
        Map<String, Object> product = new HashMap<>(Catalogue.product(sku));
        product.put("codePatterns", regexes.stream().map(regex -> Map.of("regex", regex)).toList());
        return product;
    }

    private static String row(String sku, List<String> regexes) throws Exception {
        return JSON.writeValueAsString(Map.of("sku", sku, "name", "Bag " + UUID.randomUUID(), "category",
                "BAGS_AND_ACCESSORIES", "codePatterns", regexes.stream().map(regex -> Map.of("regex", regex)).toList()))
                + "\n";
    }

    private static void assertProducts(String brand, int count) {
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products").then().statusCode(200)
                .body("total", equalTo(count));
    }
}
