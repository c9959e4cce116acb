package org.openipm.lookup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** One officer scanning past the allowance is slowed down; a colleague of the same authority is not. */
@QuarkusTest
@TestProfile(RateLimitPerCallerTest.TightLimits.class)
@WithTestResource(PlatformTestResource.class)
class RateLimitPerCallerTest {

    static final String GTIN = "09520123456788";

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openipm.rate-limit.lookup.requests", "3", "openipm.rate-limit.lookup.per", "1h",
                    "openipm.rate-limit.search.requests", "2", "openipm.rate-limit.search.per", "1h");
        }
    }

    @Test
    void aCallerOverItsLookupAllowanceGets429WithRetryAfterWhileAnotherIsServed() {
        String busy = Tokens.withRole("officer", "fr-customs", "FR");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(busy).queryParam("code", GTIN).get("/api/v1/lookup").then().statusCode(200);
        }
        given().auth().oauth2(busy).queryParam("code", GTIN).get("/api/v1/lookup")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesRegex("[1-9][0-9]*"))
                .body("type", equalTo("https://openipm.org/problems/rate-limited"));

        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).queryParam("code", GTIN).get("/api/v1/lookup")
                .then().statusCode(200);
    }

    @Test
    void searchHasItsOwnAllowance() {
        String token = Tokens.withRole("officer", "be-customs", "BE");
        given().auth().oauth2(token).queryParam("q", "watch").get("/api/v1/search").then().statusCode(200);
        given().auth().oauth2(token).queryParam("q", "watch").get("/api/v1/search").then().statusCode(200);
        given().auth().oauth2(token).queryParam("q", "watch").get("/api/v1/search").then().statusCode(429);
        given().auth().oauth2(token).queryParam("code", GTIN).get("/api/v1/lookup").then().statusCode(200);
    }
}
