package org.openipm.lookup.scan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** A malformed code is a finding for the officer; only a missing or absurd parameter is the client's error. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class InterpretCodeTest {

    static final String OFFICER = Tokens.officer("fr-customs", "FR");

    @Test
    void bracketedElementStringIsExplainedElementByElement() {
        given().auth().oauth2(OFFICER).queryParam("code", "(01)09520123456788(10)ABC(21)123")
                .get("/api/v1/codes/interpret").then().statusCode(200)
                .body("kind", equalTo("GS1_ELEMENT_STRING"))
                .body("valid", equalTo(true))
                .body("gtin", equalTo("09520123456788"))
                .body("elements.ai", contains("01", "10", "21"))
                .body("elements[1].value", equalTo("ABC"))
                .body("elements[0].title", equalTo("GTIN"))
                .body("problems", hasSize(0));
    }

    @Test
    void wrongCheckDigitIsAFindingNotAnError() {
        given().auth().oauth2(OFFICER).queryParam("code", "9520123456787")
                .get("/api/v1/codes/interpret").then().statusCode(200)
                .body("kind", equalTo("GTIN"))
                .body("valid", equalTo(false))
                .body("problems[0].code", equalTo("CHECK_DIGIT"))
                .body("problems[0].position", equalTo(12));
    }

    @Test
    void compressedDigitalLinkIsReadLikeItsUncompressedForm() {
        // GS1's toolkit compressed https://id.gs1.org/01/09520123456788/21/12345 to this
        given().auth().oauth2(OFFICER).queryParam("code", "https://id.gs1.org/DBFRJydaKAowOQ")
                .get("/api/v1/codes/interpret").then().statusCode(200)
                .body("kind", equalTo("GS1_DIGITAL_LINK"))
                .body("valid", equalTo(true))
                .body("gtin", equalTo("09520123456788"))
                .body("elements.ai", contains("01", "21"))
                .body("notes.code", contains("DECOMPRESSED"));
    }

    @Test
    void otherReadingsAreShown() {
        // GS1-128 with (01) only, as zbarimg prints it: a GTIN, and the same 16 digits as an IMEISV
        given().auth().oauth2(OFFICER).queryParam("code", "0109520123456788")
                .get("/api/v1/codes/interpret").then().statusCode(200)
                .body("kind", equalTo("GS1_ELEMENT_STRING"))
                .body("notes.code", contains("NO_SYMBOLOGY_IDENTIFIER"))
                .body("alternatives.kind", contains("IMEI"))
                .body("alternatives[0].imei", equalTo("010952012345674"));
    }

    @Test
    void codeCanBePostedToo() {
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("code", "490154203237518"))
                .post("/api/v1/codes/interpret").then().statusCode(200)
                .body("kind", equalTo("IMEI"))
                .body("imei", equalTo("490154203237518"))
                .body("tac", equalTo("49015420"));
    }

    @Test
    void emptyCodeIsABadRequest() {
        given().auth().oauth2(OFFICER).queryParam("code", "").get("/api/v1/codes/interpret")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        given().auth().oauth2(OFFICER).get("/api/v1/codes/interpret").then().statusCode(400);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("code", ""))
                .post("/api/v1/codes/interpret").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void overLongCodeIsABadRequest() {
        given().auth().oauth2(OFFICER).queryParam("code", "1".repeat(2049)).get("/api/v1/codes/interpret")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(OFFICER).queryParam("code", "1".repeat(2049)).get("/api/v1/lookup")
                .then().statusCode(400);
    }
}
