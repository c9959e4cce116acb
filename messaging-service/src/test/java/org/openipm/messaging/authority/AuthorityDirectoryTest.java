package org.openipm.messaging.authority;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.Fixtures;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** Administrators keep the directory of authorities; officers read it; nobody else touches it. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AuthorityDirectoryTest {

    @Test
    void anAdministratorRegistersAnAuthorityWithItsOfficesAndOfficersReadIt() {
        String id = Fixtures.newId("de-zoll");
        Map<String, Object> body = new HashMap<>(Fixtures.authorityBody(id, "DE"));
        body.put("type", "POLICE");
        body.put("offices", List.of(Map.of("code", "DEMUC", "name", "Munich airport", "kind", "AIRPORT",
                "timeZone", "Europe/Berlin", "region", "DE-BY")));
        body.put("languages", List.of("de", "en"));

        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body)
                .post("/api/v1/authorities").then().statusCode(201)
                .header("Location", containsString("/api/v1/authorities/" + id))
                .body("type", equalTo("POLICE")).body("offices[0].region", equalTo("DE-BY"));

        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).get("/api/v1/authorities/{id}", id).then()
                .statusCode(200).body("country", equalTo("DE")).body("offices[0].timeZone", equalTo("Europe/Berlin"))
                .body("offices[0].kind", equalTo("AIRPORT")).body("languages", equalTo(List.of("de", "en")))
                .body("contacts[0].name", equalTo("Duty desk"));
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).queryParam("country", "DE")
                .get("/api/v1/authorities").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).queryParam("country", "FR")
                .get("/api/v1/authorities").then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void anAdministratorReplacesAnEntryButNotItsId() {
        String id = Fixtures.registerAuthority("FR", "FRLEH");
        Map<String, Object> body = new HashMap<>(Fixtures.authorityBody(id, "FR", "FRLEH", "FRCDG"));
        body.put("name", "Direction générale des douanes");

        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body)
                .put("/api/v1/authorities/{id}", id).then().statusCode(200)
                .body("name", equalTo("Direction générale des douanes")).body("offices.code",
                        equalTo(List.of("FRLEH", "FRCDG")));
        body.put("id", "another-id");
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body)
                .put("/api/v1/authorities/{id}", id).then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.authorityBody("nobody-here", "FR")).put("/api/v1/authorities/nobody-here").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.authorityBody(id, "FR")).post("/api/v1/authorities").then().statusCode(409);
    }

    @Test
    void codesOutsideTheirStandardsAreRefusedNamingTheField() {
        String id = Fixtures.newId("x");
        assertRefused(with(id, "country", "XX"), "country");
        assertRefused(with(id, "country", "FRA"), "country");
        assertRefused(with(id, "type", "ARMY"), null);
        assertRefused(with(id, "languages", List.of("xx")), "languages[0]");
        assertRefused(with(id, "offices", List.of(office("FRLEH", "Europe/Lyon", null))), "offices[0].timeZone");
        assertRefused(with(id, "offices", List.of(office("FRLEH", "Europe/Paris", "DE-BY"))), "offices[0].region");
        assertRefused(with(id, "offices", List.of(office("FRLEH", "Europe/Paris", null),
                office("FRLEH", "Europe/Paris", null))), "offices[1].code");
        assertRefused(with(id, "offices", List.of(Map.of("code", "FRLEH", "name", "Le Havre", "kind", "SPACEPORT",
                "timeZone", "Europe/Paris"))), null);
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).get("/api/v1/authorities/{id}", id).then()
                .statusCode(404);
    }

    @Test
    void onlyAdministratorsWriteAndOnlyAdministratorsAndOfficersRead() {
        String id = Fixtures.registerAuthority("BE", "BEANR");
        for (String token : List.of(Tokens.officer("be-customs", "BE"), Tokens.brand("acme"),
                Tokens.withRole("customs-system", "be-customs", "BE"))) {
            given().auth().oauth2(token).contentType("application/json")
                    .body(Fixtures.authorityBody(Fixtures.newId("x"), "BE")).post("/api/v1/authorities").then()
                    .statusCode(403);
            given().auth().oauth2(token).contentType("application/json")
                    .body(Fixtures.authorityBody(id, "BE")).put("/api/v1/authorities/{id}", id).then()
                    .statusCode(403);
        }
        for (String token : List.of(Tokens.brand("acme"), Tokens.withRole("ssp", "seal", "FR"))) {
            given().auth().oauth2(token).get("/api/v1/authorities").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/authorities/{id}", id).then().statusCode(403);
        }
    }

    private static Map<String, Object> with(String id, String field, Object value) {
        Map<String, Object> body = new HashMap<>(Fixtures.authorityBody(id, "FR", "FRLEH"));
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> office(String code, String zone, String region) {
        Map<String, Object> office = new HashMap<>(Map.of("code", code, "name", "Office", "kind", "PORT",
                "timeZone", zone));
        if (region != null) {
            office.put("region", region);
        }
        return office;
    }

    private static void assertRefused(Map<String, Object> body, String field) {
        var response = given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body)
                .post("/api/v1/authorities").then().statusCode(400).contentType("application/problem+json");
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
    }
}
