package org.openipm.reference.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.openipm.reference.ProtocolClient.ask;
import static org.openipm.reference.ProtocolClient.body;
import static org.openipm.reference.ProtocolClient.query;
import static org.openipm.reference.ProtocolClient.send;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.provider.protocol.AuthenticationAnswer;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.provider.protocol.Verdict;
import org.openipm.reference.Codes;
import org.openipm.reference.Gtins;
import org.openipm.reference.ProtocolClient;
import org.openipm.reference.codes.CodeSignature;
import org.openipm.testing.PlatformTestResource;

/** The provider judges the codes it issued, as OpenIPM asks over the HTTP connector, and signs what it answers. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProtocolAnswersTest {

    /** The test profile's issuing key (application.properties): lets a test sign like a leaked key would. */
    private static final CodeSignature ISSUING_KEY = CodeSignature
            .fromBase64("dGVzdC1pc3N1aW5nLWtleS1vZi10aGUtcmVmZXJlbmNlLXByb3ZpZGVy");

    @Test
    void anIssuedCodeIsGenuineWithItsScanFacts() {
        String code = Codes.issue("acme", Gtins.fresh(), 1).get(0);
        UUID requestId = UUID.randomUUID();

        AuthenticationAnswer answer = ask(query(requestId, code, "BE"));

        assertThat(answer.verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(answer.requestId()).isEqualTo(requestId);
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.confidence()).isGreaterThan(0.9);
        assertThat(answer.providerReference()).isNotBlank();
        assertThat(answer.evidence().facts()).containsEntry("scanCount", "1").containsEntry("firstSeenCountry", "BE")
                .containsKey("firstSeenAt");

        AuthenticationAnswer second = ask(query(UUID.randomUUID(), code, "NL"));
        assertThat(second.evidence().facts()).containsEntry("scanCount", "2").containsEntry("firstSeenCountry", "BE");
    }

    @Test
    void aForgedSignatureIsCounterfeit() {
        String code = Codes.issue("acme", Gtins.fresh(), 1).get(0);
        String forged = code.substring(0, code.indexOf("?sig=") + 5) + "AAAAAAAAAAAAAAAA";

        AuthenticationAnswer answer = ask(query(UUID.randomUUID(), forged, "FR"));

        assertThat(answer.verdict()).isEqualTo(Verdict.COUNTERFEIT);
        assertThat(answer.code()).isEqualTo(forged);
        assertThat(answer.evidence().text()).contains("signature");
    }

    @Test
    void aCopiedCodeWithAnotherSerialIsCounterfeit() {
        String code = Codes.issue("acme", Gtins.fresh(), 1).get(0);
        String otherSerial = code.replaceFirst("/21/[^?]+", "/21/NEVERISSUED1");

        assertThat(ask(query(UUID.randomUUID(), otherSerial, "FR")).verdict()).isEqualTo(Verdict.COUNTERFEIT);
    }

    @Test
    void aValidlySignedSerialThatWasNeverIssuedIsCounterfeit() {
        String gtin = Gtins.fresh();
        Codes.issue("acme", gtin, 1);
        String serial = "NEVERISSUED2";
        String code = "https://ref.openipm.example/01/" + gtin + "/21/" + serial + "?sig=" + ISSUING_KEY.sign(gtin, serial);

        AuthenticationAnswer answer = ask(query(UUID.randomUUID(), code, "FR"));

        assertThat(answer.verdict()).isEqualTo(Verdict.COUNTERFEIT);
        assertThat(answer.evidence().text()).contains("never issued");
        assertThat(answer.evidence().facts()).containsEntry("serial", serial);
    }

    @Test
    void aCodeOfAnotherFormatIsUnknown() {
        for (String code : new String[] { "https://id.gs1.org/01/09520123456788/21/ABC", "09520123456788",
                "https://ref.openipm.example/01/09520123456788/21/ABC" }) {
            AuthenticationAnswer answer = ask(query(UUID.randomUUID(), code, "FR"));
            assertThat(answer.verdict()).as(code).isEqualTo(Verdict.UNKNOWN);
            assertThat(answer.code()).isEqualTo(code);
        }
    }

    @Test
    void aCodeScannedMoreOftenThanTheThresholdIsSuspect() {
        String code = Codes.issue("acme", Gtins.fresh(), 1).get(0);
        // The test profile's threshold is 3 scans.
        for (int scan = 1; scan <= 3; scan++) {
            assertThat(ask(query(UUID.randomUUID(), code, "FR")).verdict()).isEqualTo(Verdict.GENUINE);
        }

        AuthenticationAnswer fourth = ask(query(UUID.randomUUID(), code, "CN"));

        assertThat(fourth.verdict()).isEqualTo(Verdict.SUSPECT);
        assertThat(fourth.evidence().facts()).containsEntry("scanCount", "4").containsEntry("firstSeenCountry", "FR");
    }

    @Test
    void aRepeatedQueryGetsTheSameAnswerAndIsCountedOnce() {
        String code = Codes.issue("acme", Gtins.fresh(), 1).get(0);
        AuthenticationQuery query = query(UUID.randomUUID(), code, "FR");

        var first = send(query);
        var repeat = send(query);

        assertThat(ProtocolClient.verifiedAnswer(repeat)).isEqualTo(ProtocolClient.verifiedAnswer(first));
        assertThat(repeat.asString()).isEqualTo(first.asString());
        assertThat(repeat.header(MessageSignatures.ID)).as("each answer is a new message")
                .isNotEqualTo(first.header(MessageSignatures.ID));
        assertThat(ask(query(UUID.randomUUID(), code, "FR")).evidence().facts()).containsEntry("scanCount", "2");
    }

    @Test
    void everyKindOfAnswerIsGivenAgainUnchangedWhenItsQueryIsRepeatedLater() {
        String gtin = Gtins.fresh();
        String code = Codes.issue("acme", gtin, 1).get(0);
        String unissued = "https://ref.openipm.example/01/" + gtin + "/21/NEVERISSUED3?sig="
                + ISSUING_KEY.sign(gtin, "NEVERISSUED3");
        for (int scan = 1; scan <= 3; scan++) {
            ask(query(UUID.randomUUID(), code, "FR"));
        }
        AuthenticationQuery suspect = query(UUID.randomUUID(), code, "CN"); // the fourth scan, over the threshold
        AuthenticationQuery neverIssued = query(UUID.randomUUID(), unissued, "FR");
        AuthenticationQuery foreign = query(UUID.randomUUID(), "https://example.com/another-format", "FR");
        Map<AuthenticationQuery, String> firstAnswers = new LinkedHashMap<>();
        for (AuthenticationQuery query : List.of(suspect, neverIssued, foreign)) {
            firstAnswers.put(query, send(query).asString());
        }
        ask(query(UUID.randomUUID(), code, "DE")); // the code moves on: a fifth scan

        firstAnswers.forEach((query, first) -> assertThat(send(query).asString()).as(query.code()).isEqualTo(first));
        assertThat(ProtocolClient.verifiedAnswer(send(suspect)).verdict()).isEqualTo(Verdict.SUSPECT);
        assertThat(ProtocolClient.verifiedAnswer(send(suspect)).evidence().facts()).containsEntry("scanCount", "4")
                .containsEntry("firstSeenCountry", "FR");
        assertThat(ProtocolClient.verifiedAnswer(send(neverIssued)).verdict()).isEqualTo(Verdict.COUNTERFEIT);
        assertThat(ask(query(UUID.randomUUID(), code, "FR")).evidence().facts()).containsEntry("scanCount", "6");
    }

    @Test
    void copiesOfOneQueryArrivingTogetherAreCountedOnce() throws Exception {
        String code = Codes.issue("acme", Gtins.fresh(), 1).get(0);
        AuthenticationQuery query = query(UUID.randomUUID(), code, "FR");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var copies = new java.util.ArrayList<java.util.concurrent.Future<AuthenticationAnswer>>();
            for (int i = 0; i < 4; i++) {
                copies.add(pool.submit(() -> ask(query)));
            }
            for (var copy : copies) {
                assertThat(copy.get().evidence().facts()).containsEntry("scanCount", "1");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ask(query(UUID.randomUUID(), code, "FR")).evidence().facts()).containsEntry("scanCount", "2");
    }

    @Test
    void aRequestIdReusedForAnotherCodeIsRefused() {
        UUID requestId = UUID.randomUUID();
        ask(query(requestId, "https://example.com/a", "FR"));

        send(query(requestId, "https://example.com/b", "FR")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/request-id-reused"));
    }

    @Test
    void anUnsignedQueryIsRefused() {
        String body = body(query(UUID.randomUUID(), "https://example.com/a", "FR"));

        ProtocolClient.post(Map.of(), body).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/unsigned-message"));
    }

    @Test
    void aQuerySignedWithAnotherSecretOrChangedAfterSigningIsRefused() {
        AuthenticationQuery query = query(UUID.randomUUID(), "https://example.com/a", "FR");
        String body = body(query);
        Map<String, String> stranger = new MessageSignatures(MessageSignatures.newSecret())
                .sign(query.requestId().toString(), Instant.now(), body);
        Map<String, String> genuine = ProtocolClient.SIGNATURES.sign(query.requestId().toString(), Instant.now(), body);

        ProtocolClient.post(stranger, body).then().statusCode(401)
                .body("type", equalTo("https://openipm.org/problems/invalid-signature"));
        ProtocolClient.post(genuine, body.replace("example.com/a", "example.com/b")).then().statusCode(401);
    }

    @Test
    void aStaleQueryIsRefused() {
        AuthenticationQuery query = query(UUID.randomUUID(), "https://example.com/a", "FR");
        String body = body(query);
        Map<String, String> stale = ProtocolClient.SIGNATURES.sign(query.requestId().toString(),
                Instant.now().minusSeconds(6 * 60), body);

        ProtocolClient.post(stale, body).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://openipm.org/problems/invalid-signature"));
    }

    @Test
    void theMessageIdMustBeTheRequestId() {
        AuthenticationQuery query = query(UUID.randomUUID(), "https://example.com/a", "FR");
        String body = body(query);

        ProtocolClient.post(ProtocolClient.SIGNATURES.sign(UUID.randomUUID().toString(), Instant.now(), body), body)
                .then().statusCode(400).body("type", equalTo("https://openipm.org/problems/request-id-mismatch"));
    }

    @Test
    void aMalformedOrFutureVersionQueryIsABadRequest() {
        UUID requestId = UUID.randomUUID();
        String notJson = "{\"requestId\":";
        ProtocolClient.post(ProtocolClient.SIGNATURES.sign(requestId.toString(), Instant.now(), notJson), notJson)
                .then().statusCode(400).contentType("application/problem+json");

        Map<String, Object> future = new HashMap<>(Map.of("protocolVersion", "2", "requestId", requestId.toString(),
                "code", "https://example.com/a"));
        String body = ProtocolClient.JSON.valueToTree(future).toString();
        ProtocolClient.post(ProtocolClient.SIGNATURES.sign(requestId.toString(), Instant.now(), body), body)
                .then().statusCode(400).body("type", equalTo("https://openipm.org/problems/unsupported-protocol-version"));
    }
}
