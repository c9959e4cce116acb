package org.openipm.notification.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openipm.notification.MailServerResource;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** A brand or an authority manages its own subscriptions only; bad input is refused precisely and changes nothing. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class SubscriptionsTest {

    private static final String HOOK = "{\"channel\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:9/hook\"}";

    @Test
    void aBrandCreatesReadsReplacesAndDeletesItsSubscriptionAndSeesTheSecretOnce() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = given().auth().oauth2(Tokens.brand(brand)).contentType("application/json")
                .body("{\"channel\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:9/hook\",\"language\":\"es\","
                        + "\"alertTypes\":[\"counterfeit_verdict\"],\"minSeverity\":\"WARNING\","
                        + "\"countries\":[\"fr\",\"ES\"]}")
                .post("/api/v1/subscriptions").then().statusCode(201)
                .header("Location", containsString("/api/v1/subscriptions/"))
                .body("secret", startsWith("whsec_")).extract().jsonPath();
        String id = created.getString("subscription.id");
        byte[] key = java.util.Base64.getDecoder().decode(created.getString("secret").substring(6));
        assertThat(key).hasSize(32);
        assertThat(created.getList("subscription.countries")).containsExactly("FR", "ES");
        assertThat(created.getList("subscription.alertTypes")).containsExactly("COUNTERFEIT_VERDICT");

        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("language", equalTo("es")).body("enabled", equalTo(true)).body("secret", nullValue())
                .body(org.hamcrest.Matchers.not(containsString("whsec_")));
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/subscriptions").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));

        given().auth().oauth2(Tokens.brand(brand)).contentType("application/json")
                .body("{\"channel\":\"WEBHOOK\",\"url\":\"http://localhost:9/other\",\"minSeverity\":\"CRITICAL\"}")
                .put("/api/v1/subscriptions/" + id).then().statusCode(200).body("url", equalTo("http://localhost:9/other"))
                .body("minSeverity", equalTo("CRITICAL")).body("countries", hasSize(0));
        given().auth().oauth2(Tokens.brand(brand)).contentType("application/json")
                .body("{\"channel\":\"EMAIL\",\"email\":\"ops@brand.example\"}")
                .put("/api/v1/subscriptions/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("channel"));

        given().auth().oauth2(Tokens.brand(brand)).delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void anotherBrandOrAnAuthorityCannotSeeOrTouchABrandsSubscription() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(Tokens.brand(brand)).contentType("application/json").body(HOOK)
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("subscription.id");

        for (String stranger : new String[] {Tokens.brand("other-" + brand), Tokens.officer(brand, "FR")}) {
            given().auth().oauth2(stranger).get("/api/v1/subscriptions").then().statusCode(200).body("items", hasSize(0));
            given().auth().oauth2(stranger).get("/api/v1/subscriptions/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(stranger).contentType("application/json").body(HOOK)
                    .put("/api/v1/subscriptions/" + id).then().statusCode(404);
            given().auth().oauth2(stranger).delete("/api/v1/subscriptions/" + id).then().statusCode(404);
            given().auth().oauth2(stranger).post("/api/v1/subscriptions/" + id + "/secret/rotate").then().statusCode(404);
            given().auth().oauth2(stranger).post("/api/v1/subscriptions/" + id + "/test").then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(404);
        }
        given().auth().oauth2(Tokens.admin()).get("/api/v1/subscriptions").then().statusCode(403);
        // Untouched by all that.
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/hook"));
    }

    @Test
    void anAuthorityManagesItsOwnEmailSubscription() {
        String authority = "fr-douane-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(Tokens.officer(authority, "FR")).contentType("application/json")
                .body("{\"channel\":\"EMAIL\",\"email\":\"veille@douane.example\",\"language\":\"fr\"}")
                .post("/api/v1/subscriptions").then().statusCode(201).body("secret", nullValue())
                .body("subscription.email", equalTo("veille@douane.example")).extract().path("subscription.id");
        given().auth().oauth2(Tokens.officer(authority, "FR")).get("/api/v1/subscriptions/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.brand(authority)).get("/api/v1/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.officer(authority, "FR")).post("/api/v1/subscriptions/" + id + "/secret/rotate")
                .then().statusCode(409);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"channel\":\"WEBHOOK\",\"url\":\"https://169.254.169.254/latest/meta-data/\"}", // cloud metadata
            "{\"channel\":\"WEBHOOK\",\"url\":\"https://10.0.0.5/hook\"}",
            "{\"channel\":\"WEBHOOK\",\"url\":\"https://[fd00::1]/hook\"}",
            "{\"channel\":\"WEBHOOK\",\"url\":\"http://93.184.215.14/hook\"}", // http only to loopback, locally
            "{\"channel\":\"WEBHOOK\",\"url\":\"https://no-such-host.invalid/hook\"}",
            "{\"channel\":\"WEBHOOK\"}",
            "{\"channel\":\"PIGEON\",\"url\":\"http://127.0.0.1:9/hook\"}",
            "{\"channel\":\"EMAIL\",\"email\":\"not an address\"}",
            "{\"channel\":\"EMAIL\",\"email\":\"a@b.example\",\"url\":\"http://127.0.0.1:9/hook\"}",
            "{\"channel\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:9/hook\",\"language\":\"de\"}",
            "{\"channel\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:9/hook\",\"alertTypes\":[\"NOPE\"]}",
            "{\"channel\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:9/hook\",\"minSeverity\":\"LOUD\"}",
            "{\"channel\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:9/hook\",\"countries\":[\"XX\"]}",
            "{\"channel\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:9/hook\",\"products\":[\"\"]}"})
    void badSubscriptionsAreRefusedPreciselyAndNothingIsStored(String body) {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.brand(brand)).contentType("application/json").body(body)
                .post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/subscriptions").then().body("items", hasSize(0));
    }

    @Test
    void aTargetInsideTheNetworkIsRefusedByWhatItResolvesTo() {
        given().auth().oauth2(Tokens.brand("acme")).contentType("application/json")
                .body("{\"channel\":\"WEBHOOK\",\"url\":\"https://169.254.169.254/latest/meta-data/\"}")
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("type", equalTo("https://openipm.org/problems/invalid-webhook-url"))
                .body("detail", containsString("169.254.169.254, which is not a public address"));
    }

    @Test
    void anOwnerHoldsAtMostTwentySubscriptions() {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(Tokens.brand(brand)).contentType("application/json").body(HOOK)
                    .post("/api/v1/subscriptions").then().statusCode(201);
        }
        given().auth().oauth2(Tokens.brand(brand)).contentType("application/json").body(HOOK)
                .post("/api/v1/subscriptions").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("at most 20"));
        given().auth().oauth2(Tokens.brand(brand)).get("/api/v1/subscriptions").then().body("items", hasSize(20));
    }
}
