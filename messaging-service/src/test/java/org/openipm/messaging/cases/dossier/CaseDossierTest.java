package org.openipm.messaging.cases.dossier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.messaging.Fixtures.goods;
import static org.openipm.messaging.Fixtures.shipment;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.events.EventTypes;
import org.openipm.events.Topics;
import org.openipm.messaging.Fixtures;
import org.openipm.messaging.Fixtures.Product;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;
import org.openipm.testing.TopicReader;

/**
 * The dossier a prosecutor receives: verified here with another JOSE library than the one that signs it, and only
 * with the public key OpenIPM publishes; a changed byte breaks the signature.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CaseDossierTest {

    @Test
    void anOfficersDossierVerifiesWithThePublishedKeyAndATamperedOneDoesNot() throws Exception {
        String french = Fixtures.registerAuthority("FR", "FRLEH");
        Product watches = Fixtures.cataloguedProduct("watches");
        String caseId = Fixtures.flag(french, "FR", shipment("FRLEH", Fixtures.newContainerNumber(), List.of(
                goods("Wrist watches", watches.gtin())))).getString("caseId");
        String officer = Tokens.officer(french, "FR");
        byte[] photo = new byte[5_000];
        new java.util.Random(7).nextBytes(photo);
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 0, photo, 0, 3);
        given().auth().oauth2(officer).multiPart("message", "{\"type\":\"INFORMATION\",\"text\":\"Dial photo\","
                + "\"addressedTo\":[{\"kind\":\"BRAND\",\"id\":\"" + watches.brandId() + "\"}]}", "application/json")
                .multiPart("file", "dial.jpg", photo, "image/jpeg").post("/api/v1/cases/{id}/messages", caseId)
                .then().statusCode(201);
        given().auth().oauth2(Tokens.brand(watches.brandId())).contentType("application/json")
                .body(Map.of("type", "ASSESSMENT", "verdict", "COUNTERFEIT", "reasons", List.of("Wrong font"),
                        "productIds", List.of(watches.productId().toString()), "addressedTo",
                        List.of(Map.of("kind", "AUTHORITY", "id", french))))
                .post("/api/v1/cases/{id}/messages", caseId).then().statusCode(201);

        Response exported = given().auth().oauth2(officer).get("/api/v1/cases/{id}/dossier", caseId);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("application/jose");
        String jws = exported.asString();
        JWKSet keys = JWKSet.parse(given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());

        JWSObject dossier = JWSObject.parse(jws);
        assertThat(dossier.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(dossier.getHeader().getKeyID());
        assertThat(key.isPrivate()).isFalse();
        assertThat(dossier.verify(new RSASSAVerifier(key))).isTrue();

        JsonNode bundle = Fixtures.JSON.readTree(dossier.getPayload().toBytes());
        assertThat(bundle.path("format").asText()).isEqualTo("openipm-dossier/1");
        assertThat(bundle.path("caseId").asText()).isEqualTo(caseId);
        assertThat(bundle.path("exportedBy").path("authority").asText()).isEqualTo(french);
        assertThat(bundle.path("caseView").path("parties").path("trader").path("name").asText())
                .isEqualTo("Jean Trader");
        assertThat(bundle.path("timeline").findValuesAsText("kind")).containsExactly("OPENED", "MESSAGE_POSTED",
                "MESSAGE_POSTED");
        assertThat(bundle.path("messages").get(1).path("content").path("verdict").asText()).isEqualTo("COUNTERFEIT");
        JsonNode file = bundle.path("attachments").get(0);
        byte[] exportedPhoto = Base64.getDecoder().decode(file.path("contentBase64").asText());
        assertThat(exportedPhoto).isEqualTo(photo);
        assertThat(file.path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(photo)));

        // The export is on the record: its case-events record and the authorities' timeline name what was served.
        String servedSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(jws.getBytes(StandardCharsets.US_ASCII)));
        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            JsonNode record = Fixtures.caseEvents(caseEvents, caseId, EventTypes.CASE_DOSSIER_EXPORTED, 1).get(0);
            assertThat(record.path("sha256").asText()).isEqualTo(servedSha256);
            assertThat(record.path("keyId").asText()).isEqualTo(dossier.getHeader().getKeyID());
            assertThat(record.path("exportedBy").path("id").asText()).isEqualTo(french);
        }
        assertThat(given().auth().oauth2(officer).get("/api/v1/cases/{id}", caseId).then().extract().jsonPath()
                .getString("timeline.find { it.kind == 'DOSSIER_EXPORTED' }.details.sha256")).isEqualTo(servedSha256);
        assertThat(given().auth().oauth2(Tokens.brand(watches.brandId())).get("/api/v1/cases/{id}", caseId).then()
                .extract().jsonPath().getList("timeline.kind")).doesNotContain("DOSSIER_EXPORTED");

        String[] parts = jws.split("\\.");
        String changed = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("COUNTERFEIT", "GENUINE");
        String tampered = parts[0] + "." + Base64URL.encode(changed.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertThat(JWSObject.parse(tampered).verify(new RSASSAVerifier(key))).isFalse();
    }

    @Test
    void onlyOfficersOfAParticipantAuthorityExportIt() {
        String french = Fixtures.registerAuthority("FR", "FRLEH");
        Product watches = Fixtures.cataloguedProduct("watches");
        String caseId = Fixtures.flag(french, "FR", shipment("FRLEH", Fixtures.newContainerNumber(), List.of(
                goods("Wrist watches", watches.gtin())))).getString("caseId");

        given().auth().oauth2(Tokens.brand(watches.brandId())).get("/api/v1/cases/{id}/dossier", caseId).then()
                .statusCode(403);
        String stranger = Fixtures.registerAuthority("DE", "DEHAM");
        for (String token : List.of(Tokens.officer(stranger, "DE"), Tokens.brand(Fixtures.newId("stranger")),
                Tokens.admin())) {
            given().auth().oauth2(token).get("/api/v1/cases/{id}/dossier", caseId).then().statusCode(404);
        }
    }
}
