package org.openipm.reference.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openipm.reference.Codes;
import org.openipm.reference.Gtins;
import org.openipm.reference.ProtocolClient;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** The registration an administrator passes on to OpenIPM, secret included, for administrators only. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RegistrationTest {

    @Test
    void theRegistrationNamesTheEndpointTheSharedSecretAndTheBrandsServed() {
        String gtin = Gtins.fresh();
        Codes.issue("initech", gtin, 1);

        given().auth().oauth2(Tokens.admin()).get("/admin/registration").then().statusCode(200)
                .body("id", equalTo("reference")).body("connector", equalTo("HTTP"))
                .body("endpoint", equalTo("http://localhost:8086/protocol/v1/authentications"))
                .body("secret", equalTo(ProtocolClient.SHARED_SECRET)).body("timeoutMs", equalTo(2000))
                .body("status", equalTo("ACTIVE")).body("coverage.brands", hasItem("initech")).body("coverage.gtins", hasItem(gtin))
                .body("coverage.codeKinds", hasItem("GS1_DIGITAL_LINK"));
    }

    @Test
    void nobodyElseSeesTheSecret() {
        given().get("/admin/registration").then().statusCode(401);
        given().auth().oauth2(Tokens.brand("initech")).get("/admin/registration").then().statusCode(403);
        given().auth().oauth2(Tokens.withRole("ssp", "reference", "CH")).get("/admin/registration").then().statusCode(403);
    }
}
