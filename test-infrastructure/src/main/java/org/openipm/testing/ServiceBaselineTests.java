package org.openipm.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every service shows once started against the real broker and database: ready, its API guarded, the
 * caller's claims read. A service's test extends it with {@code @QuarkusTest @WithTestResource(PlatformTestResource.class)}.
 */
public abstract class ServiceBaselineTests implements OpenApiDocumentTests {

    @Test
    void readyOnceItsDatabaseAndBrokerAreReachable() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void apiRefusesARequestWithoutToken() {
        given().when().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void apiRefusesAnUnsignedToken() {
        given().auth().oauth2(Tokens.unsigned("admin")).when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void apiReadsTheCallersClaims() {
        given().auth().oauth2(Tokens.officer("be-customs", "BE")).when().get("/api/v1/me")
                .then().statusCode(200).body("org", equalTo("be-customs")).body("country", equalTo("BE"));
    }
}
