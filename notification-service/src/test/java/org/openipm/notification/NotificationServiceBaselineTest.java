package org.openipm.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** The service starts against the real broker and database, migrates its schema and guards its API. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class NotificationServiceBaselineTest {

    @Test
    void readyOnceItsDatabaseAndBrokerAreReachable() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void apiRefusesARequestWithoutToken() {
        given().when().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void apiReadsTheCallersClaims() {
        given().auth().oauth2(Tokens.officer("be-customs", "BE")).when().get("/api/v1/me")
                .then().statusCode(200).body("org", equalTo("be-customs")).body("country", equalTo("BE"));
    }
}
