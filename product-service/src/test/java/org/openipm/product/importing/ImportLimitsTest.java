package org.openipm.product.importing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.PostgresServer;
import org.openipm.testing.Tokens;

/** An import past its limits is refused at once, naming the limit; a brand has one import pending at a time. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ImportLimitsTest {

    @Test
    void importOverTheRowLimitIsRefusedNamingTheLimit() {
        String brand = Catalogue.newBrand();
        StringBuilder csv = new StringBuilder("sku,name,category\n");
        for (int i = 1; i <= 100_001; i++) {
            csv.append('S').append(i).append(",N,WATCHES\n");
        }
        given().auth().oauth2(Tokens.brand(brand)).contentType("text/csv").body(csv.toString())
                .post("/api/v1/brands/" + brand + "/imports").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/import-too-many-rows"))
                .body("detail", containsString("more than 100000 rows"))
                .body("detail", containsString("line 100002"));
        assertNoProducts(brand);
    }

    @Test
    void importWithALineOverTheLengthLimitIsRefusedNamingTheLine() {
        String brand = Catalogue.newBrand();
        String csv = "sku,name,category,description\nS1,N,WATCHES,short\nS2,N,WATCHES," + "d".repeat(70_000) + "\n";
        given().auth().oauth2(Tokens.brand(brand)).contentType("text/csv").body(csv)
                .post("/api/v1/brands/" + brand + "/imports").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/import-line-too-long"))
                .body("detail", containsString("Line 3 is longer than 65536 characters"));
        String jsonLines = "{\"sku\":\"J1\",\"name\":\"N\",\"category\":\"WATCHES\",\"description\":\""
                + "d".repeat(70_000) + "\"}\n";
        given().auth().oauth2(Tokens.brand(brand)).contentType("application/x-ndjson")
                .body(jsonLines.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/brands/" + brand + "/imports").then().statusCode(413)
                .body("detail", containsString("Line 1 is longer"));
        assertNoProducts(brand);
    }

    @Test
    void secondImportWhileOneIsQueuedIsTooManyRequestsWithRetryAfter() throws Exception {
        String brand = Catalogue.newBrand();
        UUID queued = UUID.randomUUID();
        // A job of this brand that is queued and will not run in this test: inserted as the service would.
        execute("insert into product.import_job (id, brand_id, format, status, total_rows, submitted_by, created_at)"
                + " values (?, ?, 'CSV', 'QUEUED', 1, 'test', now())", queued, brand);
        try {
            given().auth().oauth2(Tokens.brand(brand)).contentType("text/csv").body("sku,name,category\nS1,N,WATCHES\n")
                    .post("/api/v1/brands/" + brand + "/imports").then().statusCode(429)
                    .contentType("application/problem+json").header("Retry-After", "30")
                    .body("type", equalTo("https://openipm.org/problems/import-pending"));
        } finally {
            execute("update product.import_job set status = 'FAILED', finished_at = now() where id = ? and brand_id = ?",
                    queued, brand);
        }
        given().auth().oauth2(Tokens.brand(brand)).contentType("text/csv").body("sku,name,category\nS1,N,WATCHES\n")
                .post("/api/v1/brands/" + brand + "/imports").then().statusCode(202);
    }

    private static void execute(String statement, UUID id, String brand) throws Exception {
        try (Connection db = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD); PreparedStatement sql = db.prepareStatement(statement)) {
            sql.setObject(1, id);
            sql.setString(2, brand);
            sql.executeUpdate();
        }
    }

    private static void assertNoProducts(String brand) {
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products").then().statusCode(200)
                .body("total", equalTo(0));
    }
}
