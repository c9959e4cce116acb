package org.openipm.notification.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.openipm.notification.SourceEvents.alerts;
import static org.openipm.notification.SourceEvents.unique;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.events.authentication.AuthenticationCompleted;
import org.openipm.notification.AlertStream;
import org.openipm.notification.SourceEvents;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/**
 * A brand's alert to officers reaches the officers of the target countries and authority types, in their list and
 * live stream, and nobody else; bad alerts are refused and a brand cannot flood officers.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BrandAlertsToOfficersTest {

    @Test
    void theTargetedOfficersReadItAndNobodyElse() {
        String acme = unique("acme");
        UUID watch = SourceEvents.publishProduct(acme);
        String location = awaitAccepted(Tokens.brand(acme), alert(List.of(watch), List.of("AT", "IE"),
                List.of("CUSTOMS")));
        given().auth().oauth2(Tokens.brand(acme)).get(location).then().statusCode(200)
                .body("text", equalTo("Fake watches with a misspelt logo via Antwerp"))
                .body("targetCountries", equalTo(List.of("AT", "IE")));
        given().auth().oauth2(Tokens.brand(unique("zenith"))).get(location).then().statusCode(404);

        String atCustoms = Tokens.officer(unique("at-customs"), "AT", "CUSTOMS");
        JsonPath seen = alerts(atCustoms);
        List<String> theirs = seen.getList("items.findAll { it.facts.brand == '" + acme + "' }.id");
        assertThat(theirs).hasSize(1);
        String id = theirs.get(0);
        JsonPath alert = JsonPath.from(given().auth().oauth2(atCustoms).get("/api/v1/alerts/" + id).then()
                .statusCode(200).extract().asString());
        assertThat(alert.getString("type")).isEqualTo("BRAND_ALERT");
        assertThat(alert.getString("summary")).isEqualTo(acme + " warns (NEW_FAKE_SEEN): Fake watches with a "
                + "misspelt logo via Antwerp");
        assertThat(alert.getString("facts.productIds")).isEqualTo(watch.toString());
        assertThat(alert.getString("facts.photoUrls")).isEqualTo("https://cdn.acme.example/fake-1.jpg");
        assertThat(alert.getString("link")).isEqualTo("/api/v1/products/" + watch);
        assertThat(alert.getList("countries")).containsExactly("AT");
        // An officer whose token has no authority type hears its country's alerts of every type.
        assertThat(idsOf(acme, Tokens.officer(unique("at-zoll"), "AT"))).containsExactly(id);
        // Another type in the same country, another country, a brand: nothing, and 404 for the alert.
        String atPolice = Tokens.officer(unique("at-police"), "AT", "POLICE");
        String seCustoms = Tokens.officer(unique("se-tull"), "SE", "CUSTOMS");
        for (String stranger : List.of(atPolice, seCustoms, Tokens.brand(acme), Tokens.brand(unique("zenith")))) {
            assertThat(idsOf(acme, stranger)).isEmpty();
            given().auth().oauth2(stranger).get("/api/v1/alerts/" + id).then().statusCode(404);
            given().auth().oauth2(stranger).post("/api/v1/alerts/" + id + "/read").then().statusCode(404);
        }
        assertThat(idsOf(acme, Tokens.officer(unique("ie-customs"), "IE", "CUSTOMS"))).hasSize(1);

        // Each authority reads it on its own.
        String otherAtCustoms = Tokens.officer(unique("at-customs"), "AT", "CUSTOMS");
        given().auth().oauth2(atCustoms).post("/api/v1/alerts/" + id + "/read").then().statusCode(204);
        given().auth().oauth2(atCustoms).post("/api/v1/alerts/" + id + "/read").then().statusCode(204);
        given().auth().oauth2(atCustoms).get("/api/v1/alerts/" + id).then().body("read", equalTo(true));
        given().auth().oauth2(atCustoms).get("/api/v1/alerts?unread=true&type=BRAND_ALERT").then()
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        given().auth().oauth2(otherAtCustoms).get("/api/v1/alerts/" + id).then().body("read", equalTo(false));
        given().auth().oauth2(otherAtCustoms).get("/api/v1/alerts?unread=true&type=BRAND_ALERT").then()
                .body("items.id", hasItem(id));
    }

    @Test
    void theOfficersStreamCarriesItsAudiencesAlertAndNotAnotherCountrys() throws Exception {
        String authority = unique("fi-tulli");
        String acme = unique("acme");
        UUID product = SourceEvents.publishProduct(acme);
        try (AlertStream stream = new AlertStream(Tokens.officer(authority, "FI", "CUSTOMS"))) {
            // The stream is open once a warm-up verdict's alert for the authority arrives on it.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                AuthenticationCompleted verdict = new AuthenticationCompleted(UUID.randomUUID(), "SUSPECT", 0.5,
                        false, null, new AuthenticationCompleted.Evidence(null, List.of(), List.of()), "securemark",
                        "ref", 10L, null, null, "09506000134352", "S1", authority, "FI", Instant.now(),
                        Instant.now());
                SourceEvents.send(Topics.AUTHENTICATION_COMPLETED, EventTypes.AUTHENTICATION_COMPLETED,
                        "authentication-service", verdict.requestId().toString(), UUID.randomUUID(), verdict);
                return stream.next(5) != null;
            });
            awaitAccepted(Tokens.brand(acme), alert(List.of(product), List.of("MT"), List.of("CUSTOMS")));
            awaitAccepted(Tokens.brand(acme), alert(List.of(product), List.of("FI"), List.of("CUSTOMS")));
            List<JsonPath> received = new ArrayList<>();
            while (received.stream().noneMatch(a -> "BRAND_ALERT".equals(a.getString("type")))) {
                JsonPath next = stream.next(30);
                assertThat(next).as("the brand alert on the officer's stream").isNotNull();
                received.add(next);
            }
            assertThat(received).filteredOn(a -> "BRAND_ALERT".equals(a.getString("type")))
                    .singleElement().satisfies(a -> assertThat(a.getList("countries")).containsExactly("FI"));
        }
    }

    @Test
    void badAlertsAreRefusedPreciselyAndChangeNothing() {
        String acme = unique("acme");
        String zenith = unique("zenith");
        UUID zenithProduct = SourceEvents.publishProduct(zenith);
        UUID acmeProduct = SourceEvents.publishProduct(acme);
        awaitAccepted(Tokens.brand(zenith), alert(List.of(zenithProduct), List.of("LU"), List.of("TAX")));
        // Another brand's product reads exactly as an unknown one.
        for (UUID notAcmes : List.of(zenithProduct, UUID.randomUUID())) {
            given().auth().oauth2(Tokens.brand(acme)).contentType(ContentType.JSON)
                    .body(alert(List.of(notAcmes), List.of("LU"), List.of("CUSTOMS"))).post("/api/v1/alerts").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("productIds[0]"))
                    .body("errors[0].message", equalTo("is not a product of " + acme));
        }
        given().auth().oauth2(Tokens.brand(acme)).contentType(ContentType.JSON)
                .body(alert(List.of(), List.of("XX"), List.of("NAVY"))).post("/api/v1/alerts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("targetCountries[0]", "authorityTypes[0]")));
        Map<String, Object> noText = new java.util.HashMap<>(alert(List.of(), List.of("LU"), List.of("CUSTOMS")));
        noText.remove("text");
        given().auth().oauth2(Tokens.brand(acme)).contentType(ContentType.JSON).body(noText).post("/api/v1/alerts")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("text"));
        Map<String, Object> httpPhoto = new java.util.HashMap<>(alert(List.of(), List.of("LU"), List.of("CUSTOMS")));
        httpPhoto.put("photoUrls", List.of("http://cdn.acme.example/x.jpg"));
        given().auth().oauth2(Tokens.brand(acme)).contentType(ContentType.JSON).body(httpPhoto)
                .post("/api/v1/alerts").then().statusCode(400).body("errors[0].field", equalTo("photoUrls[0]"));
        given().auth().oauth2(Tokens.officer("lu-douane", "LU", "CUSTOMS")).contentType(ContentType.JSON)
                .body(alert(List.of(), List.of("LU"), List.of("CUSTOMS"))).post("/api/v1/alerts").then()
                .statusCode(403);
        // Luxembourg customs officers heard only zenith's alert: none of the refused ones was stored.
        given().auth().oauth2(Tokens.officer(unique("lu-douane"), "LU", "CUSTOMS")).get("/api/v1/alerts").then()
                .body("items.findAll { it.facts.brand == '" + acme + "' }", hasSize(0));
        assertThat(idsOf(zenith, Tokens.officer(unique("lu-douane"), "LU", "TAX"))).hasSize(1);
        assertThat(acmeProduct).isNotNull();
    }

    @Test
    void aBrandCannotFloodOfficersAndOtherBrandsAreNotHeldBack() {
        String noisy = unique("noisy");
        String quiet = unique("quiet");
        Map<String, Object> alert = alert(List.of(), List.of("GR"), List.of("CUSTOMS"));
        for (int i = 0; i < 3; i++) { // the test allowance (openipm.brand-alerts.requests)
            given().auth().oauth2(Tokens.brand(noisy)).contentType(ContentType.JSON).body(alert)
                    .post("/api/v1/alerts").then().statusCode(201);
        }
        given().auth().oauth2(Tokens.brand(noisy)).contentType(ContentType.JSON).body(alert).post("/api/v1/alerts")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Tokens.brand(quiet)).contentType(ContentType.JSON).body(alert).post("/api/v1/alerts")
                .then().statusCode(201);
        assertThat(idsOf(noisy, Tokens.officer(unique("gr-customs"), "GR", "CUSTOMS"))).hasSize(3);
    }

    private static List<String> idsOf(String brand, String token) {
        return alerts(token).getList("items.findAll { it.facts.brand == '" + brand + "' }.id");
    }

    /** Posts until the catalogue copy knows the brand's products, which product-events brings shortly. */
    private static String awaitAccepted(String token, Map<String, Object> alert) {
        String[] location = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().auth().oauth2(token).contentType(ContentType.JSON).body(alert)
                    .post("/api/v1/alerts");
            location[0] = response.header("Location");
            return response.statusCode() == 201;
        });
        return location[0];
    }

    private static Map<String, Object> alert(List<UUID> products, List<String> countries, List<String> types) {
        return Map.of("kind", "NEW_FAKE_SEEN", "text", "Fake watches with a misspelt logo via Antwerp",
                "productIds", products, "targetCountries", countries, "authorityTypes", types,
                "photoUrls", List.of("https://cdn.acme.example/fake-1.jpg"));
    }
}
