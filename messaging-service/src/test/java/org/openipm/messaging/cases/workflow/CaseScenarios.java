package org.openipm.messaging.cases.workflow;

import static io.restassured.RestAssured.given;
import static org.openipm.messaging.Fixtures.goods;
import static org.openipm.messaging.Fixtures.shipment;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.testing.Tokens;

/** Cases opened and moved through the API, as officers and brands do. */
final class CaseScenarios {

    private CaseScenarios() {
    }

    /** An authority of the country with one office in the zone and, when given, the region (ISO 3166-2). */
    static String registerAuthority(String country, String office, String zone, String region) {
        String id = Fixtures.newId(country.toLowerCase() + "-customs");
        Map<String, Object> officeBody = new HashMap<>(Map.of("code", office, "name", "Office " + office, "kind",
                "PORT", "timeZone", zone));
        if (region != null) {
            officeBody.put("region", region);
        }
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("id", id, "name", "Customs " + id, "country", country, "type", "CUSTOMS", "offices",
                        List.of(officeBody), "languages", List.of("en"), "contacts", List.of()))
                .post("/api/v1/authorities").then().statusCode(201);
        return id;
    }

    /** Flags a shipment holding the brand's product at the office; returns the case id. */
    static String openCase(String authority, String country, String office, Product product) {
        return Fixtures.flag(authority, country, shipment(office, Fixtures.newContainerNumber(),
                List.of(goods("Wrist watches", product.gtin())))).getString("caseId");
    }

    static Response move(String token, String caseId, String to, String... goodsFacts) {
        Map<String, Object> body = new HashMap<>(Map.of("to", to, "reason", "step to " + to));
        if (goodsFacts.length > 0) {
            body.put("goodsFacts", List.of(goodsFacts));
        }
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/cases/{id}/transitions", caseId);
    }

    static JsonPath view(String token, String caseId) {
        return given().auth().oauth2(token).get("/api/v1/cases/{id}", caseId).then().statusCode(200).extract()
                .jsonPath();
    }

    static Response extend(String token, String caseId, String deadlineId, int days) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("days", days, "justification", "the right holder asked for time to inspect samples"))
                .post("/api/v1/cases/{id}/deadlines/{deadline}/extension", caseId, deadlineId);
    }

    static Response record(String token, String caseId, String event) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("event", event, "note", "recorded from the officer's file"))
                .post("/api/v1/cases/{id}/procedure-events", caseId);
    }
}
