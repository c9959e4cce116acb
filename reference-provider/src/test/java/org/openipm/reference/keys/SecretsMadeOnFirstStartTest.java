package org.openipm.reference.keys;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.provider.protocol.Verdict;
import org.openipm.reference.Codes;
import org.openipm.reference.Gtins;
import org.openipm.reference.ProtocolClient;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/**
 * Without configured secrets (as under ./ipm up) the provider makes its own, keeps them, and works with them: the
 * registration shows the shared secret OpenIPM then signs with.
 */
@QuarkusTest
@TestProfile(SecretsMadeOnFirstStartTest.WithoutConfiguredSecrets.class)
@WithTestResource(PlatformTestResource.class)
class SecretsMadeOnFirstStartTest {

    public static class WithoutConfiguredSecrets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openipm.reference-provider.shared-secret", "", "openipm.reference-provider.issuing-key", "");
        }
    }

    @Inject
    ProviderSecretRepository secrets;

    @Test
    void theMadeSecretIsKeptAndAQuerySignedWithItIsJudged() throws Exception {
        String code = Codes.issue("acme", Gtins.fresh(), 1).get(0);
        String secret = given().auth().oauth2(Tokens.admin()).get("/admin/registration").then().statusCode(200)
                .extract().path("secret");

        assertThat(secret).startsWith("whsec_").isNotEqualTo(ProtocolClient.SHARED_SECRET);
        assertThat(secrets.findById(ProviderKeys.SHARED_SECRET).value).isEqualTo(secret);
        assertThat(secrets.findById(ProviderKeys.ISSUING_KEY).value).isNotBlank();

        AuthenticationQuery query = ProtocolClient.query(UUID.randomUUID(), code, "FR");
        String body = ProtocolClient.body(query);
        var response = ProtocolClient.post(
                new MessageSignatures(secret).sign(query.requestId().toString(), Instant.now(), body), body);
        response.then().statusCode(200);
        assertThat(ProtocolClient.JSON.readTree(response.asString()).path("verdict").asText())
                .isEqualTo(Verdict.GENUINE.name());
        ProtocolClient.send(ProtocolClient.query(UUID.randomUUID(), code, "FR")).then().statusCode(401);
    }
}
