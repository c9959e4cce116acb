package org.openipm.reference;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import org.openipm.testing.Tokens;

/** Issues codes through the provider's API, as a brand user would. */
public final class Codes {

    private Codes() {
    }

    public static List<String> issue(String brandId, String gtin, int count) {
        return given().auth().oauth2(Tokens.brand(brandId)).contentType("application/json")
                .body(Map.of("gtin", gtin, "count", count)).post("/api/v1/codes")
                .then().statusCode(201).extract().jsonPath().getList("codes.uri", String.class);
    }
}
