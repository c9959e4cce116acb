package org.openipm.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.ServiceBaselineTests;

/** Ready, guarded and documented like every OpenIPM service; its OpenAPI document shows the protocol endpoint. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ReferenceProviderBaselineTest extends ServiceBaselineTests {

    @Test
    void theOpenApiDocumentShowsTheProtocolEndpointAndTheIssuingApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/protocol/v1/authentications")).body("paths", hasKey("/api/v1/codes"));
    }
}
