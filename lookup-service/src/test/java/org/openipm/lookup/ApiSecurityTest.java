package org.openipm.lookup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** Who may call what: lookups and search show officer-only data (covert features), interpretation shows none. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ApiSecurityTest {

    static final String GTIN = "09520123456788";

    @Test
    void everyEndpointRefusesACallWithoutToken() {
        for (String path : new String[] { "/api/v1/lookup", "/api/v1/search", "/api/v1/codes/interpret" }) {
            given().queryParam("code", GTIN).queryParam("q", "watch").get(path)
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
        }
    }

    @Test
    void brandUserCannotLookUpOrSearch() {
        given().auth().oauth2(Tokens.brand("acme")).queryParam("code", GTIN).get("/api/v1/lookup")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/forbidden"));
        given().auth().oauth2(Tokens.brand("acme")).queryParam("q", "watch").get("/api/v1/search")
                .then().statusCode(403);
    }

    @Test
    void customsSystemMayInterpretButNotLookUp() {
        String token = Tokens.withRole("customs-system", "fr-customs", "FR");
        given().auth().oauth2(token).queryParam("code", GTIN).get("/api/v1/codes/interpret").then().statusCode(200);
        given().auth().oauth2(token).queryParam("code", GTIN).get("/api/v1/lookup").then().statusCode(403);
    }

    @Test
    void securitySolutionProviderMayNotInterpret() {
        given().auth().oauth2(Tokens.withRole("ssp", "sicpa", "CH")).queryParam("code", GTIN)
                .get("/api/v1/codes/interpret").then().statusCode(403);
    }

    @Test
    void officerAndAdminMayLookUpSearchAndInterpret() {
        for (String token : new String[] { Tokens.officer("fr-customs", "FR"), Tokens.admin() }) {
            given().auth().oauth2(token).queryParam("code", GTIN).get("/api/v1/lookup").then().statusCode(200);
            given().auth().oauth2(token).queryParam("q", "watch").get("/api/v1/search").then().statusCode(200);
            given().auth().oauth2(token).queryParam("code", GTIN).get("/api/v1/codes/interpret")
                    .then().statusCode(200);
        }
        given().auth().oauth2(Tokens.brand("acme")).queryParam("code", GTIN).get("/api/v1/codes/interpret")
                .then().statusCode(200);
    }

    @Test
    void expiredOrForgedTokensAreRefused() {
        given().auth().oauth2(Tokens.expired("officer")).queryParam("code", GTIN).get("/api/v1/lookup")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.unsigned("officer")).queryParam("code", GTIN).get("/api/v1/lookup")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.signedByStranger("officer")).queryParam("code", GTIN).get("/api/v1/lookup")
                .then().statusCode(401);
    }

    @Test
    void healthStaysOpen() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
