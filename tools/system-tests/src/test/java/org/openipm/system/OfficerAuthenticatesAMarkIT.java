package org.openipm.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openipm.testing.Tokens;

/**
 * Flow 3 across the packaged services, with the packaged reference provider as a real HTTP peer: a brand's
 * published product, a signed serialised code the provider issued for it, the provider registered in
 * authentication-service in one call, then the officer scans the code (lookup-service), asks whether it is
 * genuine and reads the verdict streamed as server-sent events; the COUNTERFEIT verdict also reaches the officer's
 * live alert stream in notification-service. One scenario, so the platform, the brand and the registration are set
 * up once for its three verdicts.
 */
@ExtendWith(PlatformExtension.class)
class OfficerAuthenticatesAMarkIT {

    /** A company prefix and GTIN no other system test uses: the GTIN designates this brand's product alone. */
    private static final String PREFIX = "5901234";
    private static final String GTIN = "05901234123457";
    private static final String AUTHORITY = "fr-customs";

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform(RunningPlatform running) {
        platform = running;
    }

    @Test
    void officerScansAReferenceProvidersCodeAndReadsTheVerdict() {
        String brand = "ssp-" + UUID.randomUUID().toString().substring(0, 8);
        String productId = publishedProduct(brand);
        List<String> codes = given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Map.of("gtin", GTIN, "count", 2))
                .post(platform.url("reference-provider") + "/api/v1/codes")
                .then().statusCode(201).body("brandId", equalTo(brand)).extract().path("codes.uri");
        String genuine = codes.get(0);
        registerReferenceProviderInOneCall();
        String authentication = platform.url("authentication-service");
        // The brand sees the provider cover its GTIN once authentication-service's copy of the catalogue has it.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.brand(brand)).get(authentication + "/api/v1/brands/" + brand + "/providers")
                        .then().statusCode(200).body("id", hasItem("reference")).body("[0].gtins", hasItem(GTIN)));

        String officer = Tokens.officer(AUTHORITY, "FR");
        AlertStream alerts = AlertStream.open(platform.url("notification-service"), officer);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(officer).queryParam("code", genuine)
                        .get(platform.url("lookup-service") + "/api/v1/lookup")
                        .then().statusCode(200).body("products.productId", hasItem(productId)));

        JsonPath verdict = verdictOf(authenticate(officer, genuine));
        assertThat(verdict.getString("verdict")).isEqualTo("GENUINE");
        assertThat(verdict.getString("provider")).isEqualTo("reference");
        assertThat(verdict.getString("evidence.facts.scanCount")).isEqualTo("1");
        assertThat(verdict.getString("evidence.facts.firstSeenCountry")).isEqualTo("FR");

        String forged = genuine.replaceAll("sig=[^&]+", "sig=AAAAAAAAAAAAAAAA");
        assertThat(forged).isNotEqualTo(genuine);
        String forgedRequest = authenticate(officer, forged);
        JsonPath counterfeit = verdictOf(forgedRequest);
        assertThat(counterfeit.getString("verdict")).isEqualTo("COUNTERFEIT");
        assertThat(counterfeit.getString("provider")).isEqualTo("reference");
        // The officer's alert stream, open since before the first scan, carries the counterfeit as an alert.
        try (alerts) {
            JsonPath alert = alerts.awaitAlert(a -> ("/api/v1/authentications/" + forgedRequest)
                    .equals(a.getString("link")), Duration.ofSeconds(60));
            assertThat(alert.getString("type")).isEqualTo("COUNTERFEIT_VERDICT");
            assertThat(alert.getString("severity")).isEqualTo("CRITICAL");
            assertThat(alert.getList("brands")).containsExactly(brand);
            assertThat(alert.getString("summary")).startsWith("Counterfeit: provider reference");
        }

        switchReferenceProvider("FAILING");
        try {
            JsonPath error = verdictOf(authenticate(officer, codes.get(1)));
            assertThat(error.getString("verdict")).isEqualTo("ERROR");
            assertThat(error.getString("provider")).isEqualTo("reference");
            assertThat(error.getString("reason")).isNotBlank();
        } finally {
            switchReferenceProvider("NORMAL");
        }
    }

    private static String publishedProduct(String brand) {
        String catalogue = platform.url("product-service");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", brand, "name", "Maison " + brand, "companyPrefixes", List.of(PREFIX)))
                .post(catalogue + "/api/v1/brands").then().statusCode(201);
        var created = given().auth().oauth2(Tokens.brand(brand)).contentType(ContentType.JSON)
                .body(Map.of("sku", "WATCH-1", "name", "Diver watch", "category", "WATCHES", "gtins", List.of(GTIN)))
                .post(catalogue + "/api/v1/products").then().statusCode(201).extract();
        String productId = created.path("id");
        given().auth().oauth2(Tokens.brand(brand)).header("If-Match", created.header("ETag"))
                .post(catalogue + "/api/v1/products/" + productId + "/publish").then().statusCode(200);
        return productId;
    }

    /** As its README says: the provider's own registration document, passed on to the provider registry. */
    private static void registerReferenceProviderInOneCall() {
        String registration = given().auth().oauth2(Tokens.admin())
                .get(platform.url("reference-provider") + "/admin/registration").then().statusCode(200)
                .body("endpoint", equalTo(platform.url("reference-provider") + "/protocol/v1/authentications"))
                .extract().asString();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(registration)
                .post(platform.url("authentication-service") + "/api/v1/providers")
                .then().statusCode(201).body("provider.id", equalTo("reference"));
    }

    private static String authenticate(String officer, String code) {
        return given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("code", code, "place", Map.of("country", "FR", "office", "FRLEH")))
                .post(platform.url("authentication-service") + "/api/v1/authentications")
                .then().statusCode(202).body("status", equalTo("PENDING")).extract().path("id");
    }

    /** The completed request from the server-sent event stream (one event, then the stream ends). */
    private static JsonPath verdictOf(String requestId) {
        String stream = given().auth().oauth2(Tokens.officer(AUTHORITY, "FR")).accept("text/event-stream")
                .get(platform.url("authentication-service") + "/api/v1/authentications/" + requestId + "/events")
                .then().statusCode(200).extract().asString();
        String data = stream.lines().filter(line -> line.startsWith("data:")).findFirst()
                .orElseThrow(() -> new AssertionError("no event in the stream: " + stream)).substring("data:".length());
        JsonPath completed = JsonPath.from(data);
        assertThat(completed.getString("id")).isEqualTo(requestId);
        assertThat(completed.getString("status")).isEqualTo("COMPLETED");
        return completed;
    }

    private static void switchReferenceProvider(String mode) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("mode", mode))
                .put(platform.url("reference-provider") + "/admin/mode").then().statusCode(200)
                .body("mode", equalTo(mode));
    }
}
