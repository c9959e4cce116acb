package org.openipm.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service's published OpenAPI document ({@code /q/openapi}) must be accepted by other people's tools. Every
 * service's baseline test runs this, through {@link ServiceBaselineTests} or by implementing it directly.
 */
public interface OpenApiDocumentTests {

    @Test
    default void openApiDocumentIsValidForOtherPeoplesTools() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        List<String> problems = OpenApiDocuments.problems(document);
        if (!problems.isEmpty()) {
            throw new AssertionError("/q/openapi is rejected: " + problems);
        }
    }
}
