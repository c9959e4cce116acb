package org.openipm.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** The baseline every /api endpoint follows: a verified bearer token, the right role, problem+json refusals. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ApiSecurityTest {

    @Test
    void requestWithoutTokenIsRefusedWithProblemDetails() {
        given().when().get("/api/v1/products")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("type", equalTo("https://openipm.org/problems/unauthorized"));
    }

    @Test
    void expiredTokenIsRefused() {
        given().auth().oauth2(Tokens.expired("officer")).when().get("/api/v1/products")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenSignedByAnUntrustedKeyIsRefused() {
        given().auth().oauth2(Tokens.signedByStranger("admin")).when().get("/api/v1/brands")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void unsignedTokenIsRefused() {
        given().auth().oauth2(Tokens.unsigned("admin")).when().get("/api/v1/brands")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void roleWithoutAccessIsForbidden() {
        given().auth().oauth2(Tokens.withRole("ssp", "sicpa", "CH")).when().get("/api/v1/products")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/forbidden"));
    }

    @Test
    void validTokenIsAcceptedAndItsClaimsRead() {
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).when().get("/api/v1/me")
                .then().statusCode(200)
                .body("org", equalTo("fr-customs"))
                .body("country", equalTo("FR"))
                .body("roles[0]", equalTo("officer"));
    }

    @Test
    void healthMetricsAndApiDocumentStayOpen() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/products"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
