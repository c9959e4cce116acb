package org.openipm.reference.codes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.reference.Codes;
import org.openipm.reference.Gtins;
import org.openipm.reference.ProtocolClient;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** A brand's operator issues serialised, signed codes for its GTIN and sees how each one has been scanned. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class IssuingCodesTest {

    @Test
    void aBrandIssuesDistinctSignedDigitalLinkCodesForItsGtin() {
        String gtin = Gtins.fresh();

        List<String> codes = Codes.issue("acme", gtin, 25);

        assertThat(codes).hasSize(25).doesNotHaveDuplicates()
                .allMatch(uri -> uri.matches("https://ref\\.openipm\\.example/01/" + gtin
                        + "/21/[0-9A-Z]{12}\\?sig=[A-Za-z0-9_-]{16}"));
    }

    @Test
    void aShortGtinIsIssuedAsItsFourteenDigitForm() {
        String gtin14 = Gtins.fresh();
        String gtin13 = gtin14.substring(1);

        given().auth().oauth2(Tokens.brand("acme")).contentType("application/json")
                .body(Map.of("gtin", gtin13, "count", 1)).post("/api/v1/codes")
                .then().statusCode(201).body("gtin", equalTo(gtin14)).body("brandId", equalTo("acme"))
                .body("codes", hasSize(1));
    }

    @Test
    void theBrandSeesItsCodesScansAndAnotherBrandSeesNothing() {
        String gtin = Gtins.fresh();
        String code = Codes.issue("acme", gtin, 1).get(0);
        String serial = code.substring(code.indexOf("/21/") + 4, code.indexOf('?'));
        UUID requestId = UUID.randomUUID();
        ProtocolClient.ask(ProtocolClient.query(requestId, code, "BE"));

        given().auth().oauth2(Tokens.brand("acme")).get("/api/v1/codes/{gtin}/{serial}", gtin, serial)
                .then().statusCode(200).body("uri", equalTo(code)).body("scanCount", equalTo(1))
                .body("firstSeenCountry", equalTo("BE")).body("scans[0].requestId", equalTo(requestId.toString()))
                .body("scans[0].office", equalTo("FRLEH")).body("scans[0].authority", equalTo("fr-customs"));
        given().auth().oauth2(Tokens.brand("globex")).get("/api/v1/codes/{gtin}/{serial}", gtin, serial)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/codes/{gtin}/{serial}", gtin, serial)
                .then().statusCode(200);
    }

    @Test
    void aGtinServedForOneBrandIsRefusedToAnother() {
        String gtin = Gtins.fresh();
        Codes.issue("acme", gtin, 1);

        given().auth().oauth2(Tokens.brand("globex")).contentType("application/json")
                .body(Map.of("gtin", gtin, "count", 1)).post("/api/v1/codes")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/gtin-served-for-another-brand"));
    }

    @Test
    void aBrandCannotIssueForAnotherBrandButAnAdministratorCanOnItsBehalf() {
        String gtin = Gtins.fresh();
        given().auth().oauth2(Tokens.brand("globex")).contentType("application/json")
                .body(Map.of("gtin", gtin, "count", 1, "brandId", "acme")).post("/api/v1/codes")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("gtin", gtin, "count", 1)).post("/api/v1/codes")
                .then().statusCode(400).body("type", equalTo("https://openipm.org/problems/brand-required"));

        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("gtin", gtin, "count", 2, "brandId", "acme")).post("/api/v1/codes")
                .then().statusCode(201).body("brandId", equalTo("acme")).body("codes", hasSize(2));
    }

    @Test
    void badRequestsArePreciseAndIssueNothing() {
        String gtin = Gtins.fresh();
        String wrongCheckDigit = gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10);
        issueAs(Tokens.brand("acme"), Map.of("gtin", wrongCheckDigit, "count", 1)).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://openipm.org/problems/invalid-gtin"))
                .body("detail", equalTo("GTIN check digit is " + wrongCheckDigit.charAt(13) + " but should be "
                        + gtin.charAt(13)));
        issueAs(Tokens.brand("acme"), Map.of("gtin", gtin, "count", 0)).then().statusCode(400)
                .body("type", equalTo("https://openipm.org/problems/invalid-count"));
        issueAs(Tokens.brand("acme"), Map.of("gtin", gtin, "count", 1001)).then().statusCode(400);
        issueAs(Tokens.brand("acme"), Map.of("gtin", gtin)).then().statusCode(400);

        // Nothing was issued: the GTIN is still free for another brand.
        issueAs(Tokens.brand("globex"), Map.of("gtin", gtin, "count", 1)).then().statusCode(201);
    }

    @Test
    void onlyBrandsAndAdministratorsMayIssue() {
        Map<String, Object> request = Map.of("gtin", Gtins.fresh(), "count", 1);
        given().contentType("application/json").body(request).post("/api/v1/codes").then().statusCode(401);
        issueAs(Tokens.officer("fr-customs", "FR"), request).then().statusCode(403);
        issueAs(Tokens.withRole("ssp", "reference", "CH"), request).then().statusCode(403);
    }

    private static io.restassured.response.Response issueAs(String token, Map<String, Object> request) {
        return given().auth().oauth2(token).contentType("application/json").body(request).post("/api/v1/codes");
    }
}
