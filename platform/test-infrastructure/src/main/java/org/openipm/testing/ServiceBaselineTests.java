package org.openipm.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
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
    void operationsEndpointsStayOpenWithoutToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void apiRefusesARequestWithoutToken() {
        unauthorized(given().when().get("/api/v1/me"));
    }

    @Test
    void apiRefusesAnonymousCallsBeforeLookingAtPathMethodOrBody() {
        // Whatever is sent, the answer is the same 401: no 404, 405 or 415 tells a stranger what exists.
        unauthorized(given().contentType("multipart/form-data; boundary=x").body("--x--".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).post("/api/v1/brands/acme/imports"));
        unauthorized(given().contentType("application/octet-stream").body(new byte[] { 1, 2, 3 })
                .post("/api/v1/products/p-1/images"));
        unauthorized(given().contentType("text/plain").body("hello").put("/api/v1/me"));
        unauthorized(given().contentType("application/json").body("{").post("/api/v1/me"));
        unauthorized(given().delete("/api/v1/me"));
        unauthorized(given().get("/api/v1/no-such-resource/42"));
        unauthorized(given().contentType("application/xml").body("<a/>").patch("/api/v2/anything"));
        unauthorized(given().get("/api"));
    }

    @Test
    void apiRefusesAnyBadTokenTheSameWayWhateverThePath() {
        for (String token : new String[] { Tokens.unsigned("admin"), Tokens.expired("admin"),
                Tokens.signedByStranger("admin"), "not-a-jwt" }) {
            unauthorized(given().auth().oauth2(token).get("/api/v1/me"));
            unauthorized(given().auth().oauth2(token).contentType("text/plain").body("x").post("/api/v1/no-such-resource"));
        }
    }

    @Test
    void apiRefusesATokenMintedForAnotherAudience() {
        unauthorized(given().auth().oauth2(Tokens.forAudience("another-app", "admin")).get("/api/v1/me"));
        unauthorized(given().auth().oauth2(Tokens.withoutAudience("admin")).get("/api/v1/me"));
    }

    @Test
    void aTokenIsRefusedOnceItExpiresEvenAfterItWasAccepted() {
        String token = Tokens.expiringIn(Duration.ofSeconds(2));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        // Accepted once (and remembered as verified): the next refusal must still come with its expiry.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).get("/api/v1/me").statusCode() == 401);
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

    private static ValidatableResponse unauthorized(io.restassured.response.Response response) {
        return response.then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("type", equalTo("https://openipm.org/problems/unauthorized"));
    }
}
