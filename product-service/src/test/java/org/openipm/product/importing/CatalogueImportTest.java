package org.openipm.product.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CatalogueImportTest {

    /** Rows of the big import: a large brand's catalogue in one file, 100 chunks of the service's 200. */
    private static final int ROWS = 20_000;
    /**
     * A big import fails only when it stops advancing, however slow a loaded machine makes it: one chunk of 200
     * rows took over a minute on two cores shared by a dozen builds.
     */
    private static final Duration STALLED_AFTER = Duration.ofMinutes(5);

    @Test
    void thousandsOfRowsImportWithProgressAndPerRowErrors() {
        String prefix = "7" + String.format("%05d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000));
        String brand = Catalogue.newBrand(prefix);
        StringBuilder csv = new StringBuilder("sku,name,category,description,status,gtins\n");
        for (int i = 1; i <= ROWS; i++) {
            String gtin = Catalogue.gtinIn(prefix, i);
            if (i % (ROWS / 4) == 0) {
                gtin = gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10); // wrong check digit
            }
            String category = i == 7 ? "SPACESHIPS" : "WATCHES";
            csv.append("SKU-").append(i).append(",\"Watch, model ").append(i).append("\",").append(category)
                    .append(",\"Says \"\"genuine\"\"\",PUBLISHED,").append(gtin).append('\n');
        }
        String location = given().auth().oauth2(Tokens.brand(brand)).contentType("text/csv").body(csv.toString())
                .post("/api/v1/brands/" + brand + "/imports").then().statusCode(202)
                .body("total", equalTo(ROWS)).extract().header("Location");

        List<Integer> progress = new ArrayList<>();
        Instant[] advanced = {Instant.now()};
        JsonPath finished = Awaitility.await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonPath job = given().auth().oauth2(Tokens.brand(brand)).get(location).then().statusCode(200)
                            .extract().jsonPath();
                    int done = job.getInt("done");
                    if (progress.isEmpty() || done > progress.get(progress.size() - 1)) {
                        advanced[0] = Instant.now();
                    } else if (Duration.between(advanced[0], Instant.now()).compareTo(STALLED_AFTER) > 0) {
                        throw new AssertionError("the import stopped at " + done + " rows (" + job.getString("status")
                                + ") for " + STALLED_AFTER);
                    }
                    progress.add(done);
                    return job;
                }, job -> job.getString("status").equals("COMPLETED"));

        assertThat(progress).isSorted();
        assertThat(finished.getInt("done")).isEqualTo(ROWS);
        assertThat(finished.getInt("failed")).isEqualTo(5);
        assertThat(finished.getInt("created")).isEqualTo(ROWS - 5);
        assertThat(finished.getInt("percent")).isEqualTo(100);
        // Line numbers count the header: row i sits on line i + 1.
        assertThat(finished.getList("errors.line", Integer.class))
                .containsExactly(8, ROWS / 4 + 1, ROWS / 2 + 1, ROWS * 3 / 4 + 1, ROWS + 1);
        assertThat(finished.getString("errors[0].message")).contains("category");
        assertThat(finished.getString("errors[1].message")).contains("check digit");
        given().auth().oauth2(Tokens.brand(brand)).queryParam("q", "SKU-" + (ROWS - 1)).get("/api/v1/products")
                .then().body("items[0].description", equalTo("Says \"genuine\""))
                .body("items[0].name", equalTo("Watch, model " + (ROWS - 1)));
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        String brand = Catalogue.newBrand();
        String csv = "sku,name,category\nA-1,First,WATCHES\nA-2,Second,WATCHES\n";
        JsonPath first = runImport(brand, csv);
        assertThat(first.getInt("created")).isEqualTo(2);
        JsonPath second = runImport(brand, csv);
        assertThat(second.getInt("unchanged")).isEqualTo(2);
        assertThat(second.getInt("created")).isZero();
        JsonPath changed = runImport(brand, "sku,name,category\nA-1,First renamed,WATCHES\n");
        assertThat(changed.getInt("updated")).isEqualTo(1);
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products").then().body("total", equalTo(2));
    }

    @Test
    void jsonLinesImportReportsTheBrokenLineAndKeepsTheOthers() {
        String brand = Catalogue.newBrand();
        String lines = "{\"sku\":\"J-1\",\"name\":\"One\",\"category\":\"TOYS\"}\n"
                + "{\"sku\":\"J-2\",\"name\":\n"
                + "{\"sku\":\"J-3\",\"name\":\"Three\",\"category\":\"TOYS\",\"brandId\":\"someone-else\"}\n"
                + "{\"sku\":\"J-4\",\"name\":\"Four\",\"category\":\"TOYS\",\"gtins\":[\"96385074\"]}\n";
        JsonPath job = given().auth().oauth2(Tokens.brand(brand)).contentType("application/x-ndjson").body(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/brands/" + brand + "/imports").then().statusCode(202).extract().jsonPath();
        JsonPath done = awaitCompleted(brand, job.getString("id"));
        assertThat(done.getInt("created")).isEqualTo(2);
        assertThat(done.getList("errors.line", Integer.class)).containsExactly(2, 3);
    }

    @Test
    void csvWithBrokenQuotingIsRefusedAsAWholeAndChangesNothing() {
        String brand = Catalogue.newBrand();
        given().auth().oauth2(Tokens.brand(brand)).contentType("text/csv")
                .body("sku,name,category\nB-1,Fine,WATCHES\nB-2,\"Never closed,WATCHES\nB-3,Fine,WATCHES\n")
                .post("/api/v1/brands/" + brand + "/imports").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("line 3"));
        given().auth().oauth2(Tokens.brand(brand)).contentType("text/csv")
                .body("sku,name,category,colour\nB-1,Fine,WATCHES,red\n")
                .post("/api/v1/brands/" + brand + "/imports").then().statusCode(400)
                .body("detail", containsString("colour"));
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products").then().body("total", equalTo(0));
    }

    private static JsonPath runImport(String brand, String csv) {
        String id = given().auth().oauth2(Tokens.brand(brand)).contentType("text/csv").body(csv)
                .post("/api/v1/brands/" + brand + "/imports").then().statusCode(202).extract().path("id");
        return awaitCompleted(brand, id);
    }

    private static JsonPath awaitCompleted(String brand, String id) {
        // Generous: a loaded machine can queue a small import behind others; a quiet one returns at once.
        return Awaitility.await().atMost(Duration.ofMinutes(2)).until(
                () -> given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/brands/" + brand + "/imports/" + id)
                        .then().extract().jsonPath(),
                job -> job.getString("status").equals("COMPLETED"));
    }

}
