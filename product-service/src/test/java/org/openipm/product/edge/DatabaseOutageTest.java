package org.openipm.product.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsStringIgnoringCase;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.product.Catalogue;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.PostgresServer;
import org.openipm.testing.Tokens;

/** While the database refuses connections the API says "try again shortly", in its own words, then recovers. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DatabaseOutageTest {

    @Test
    void databaseOutageIsServiceUnavailableWithRetryAfter() throws Exception {
        String brand = Catalogue.newBrand();
        String id = Catalogue.create(brand, Catalogue.product("OUTAGE-1")).path("id");
        // From another database: PostgreSQL does not let a session close the database it is connected to.
        String template = PostgresServer.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/template1$1");
        try (Connection admin = DriverManager.getConnection(template, PostgresServer.USER,
                PostgresServer.PASSWORD); Statement sql = admin.createStatement()) {
            sql.execute("alter database postgres allow_connections false");
            try {
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where datname = 'postgres' and pid <> pg_backend_pid()");
                for (int attempt = 0; attempt < 3; attempt++) {
                    given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id).then()
                            .statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                            .body("type", equalTo("https://openipm.org/problems/unavailable"))
                            .body("detail", not(containsStringIgnoringCase("sql")))
                            .body("detail", not(containsStringIgnoringCase("connection")));
                }
            } finally {
                sql.execute("alter database postgres allow_connections true");
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/products/" + id).then().statusCode(200));
    }
}
