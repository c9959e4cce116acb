package org.openipm.reference.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openipm.provider.protocol.AuthenticationQuery;
import org.openipm.provider.protocol.Verdict;
import org.openipm.reference.Codes;
import org.openipm.reference.Gtins;
import org.openipm.reference.ProtocolClient;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** The operator makes the provider slow or failing at run time, to watch OpenIPM's timeouts and circuit breaker. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProviderModesTest {

    @AfterEach
    void backToNormal() {
        switchTo(Map.of("mode", "NORMAL")).then().statusCode(200);
    }

    @Test
    void aFailingProviderAnswers503UntilSwitchedBack() {
        String code = Codes.issue("acme", Gtins.fresh(), 1).get(0);
        switchTo(Map.of("mode", "FAILING")).then().statusCode(200).body("mode", equalTo("FAILING"));

        ProtocolClient.send(ProtocolClient.query(UUID.randomUUID(), code, "FR")).then().statusCode(503)
                .contentType("application/problem+json");

        switchTo(Map.of("mode", "NORMAL")).then().statusCode(200);
        assertThat(ProtocolClient.ask(ProtocolClient.query(UUID.randomUUID(), code, "FR")).verdict())
                .isEqualTo(Verdict.GENUINE);
    }

    @Test
    void aSlowProviderMissesTheCallersTimeoutAndTheRetryIsCountedOnce() {
        String code = Codes.issue("acme", Gtins.fresh(), 1).get(0);
        AuthenticationQuery query = ProtocolClient.query(UUID.randomUUID(), code, "FR");
        switchTo(Map.of("mode", "SLOW", "delayMs", 3000)).then().statusCode(200).body("delayMs", equalTo(3000));
        RestAssuredConfig oneSecond = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 1000));

        String body = ProtocolClient.body(query);
        assertThatThrownBy(() -> given().config(oneSecond).contentType("application/json")
                .headers(ProtocolClient.SIGNATURES.sign(query.requestId().toString(), java.time.Instant.now(), body))
                .body(body).post(ProtocolClient.ENDPOINT))
                .isInstanceOf(SocketTimeoutException.class);

        switchTo(Map.of("mode", "NORMAL")).then().statusCode(200);
        // The caller retries with the same request id: one scan, whether or not the slow answer was already judged.
        assertThat(ProtocolClient.ask(query).evidence().facts()).containsEntry("scanCount", "1");
        assertThat(ProtocolClient.ask(ProtocolClient.query(UUID.randomUUID(), code, "FR")).evidence().facts())
                .containsEntry("scanCount", "2");
    }

    @Test
    void theModeIsValidatedAndShown() {
        switchTo(Map.of("mode", "SLOW")).then().statusCode(200).body("delayMs", equalTo(5000));
        given().auth().oauth2(Tokens.admin()).get("/admin/mode").then().statusCode(200).body("mode", equalTo("SLOW"));
        switchTo(Map.of("mode", "SOMETIMES")).then().statusCode(400).contentType("application/problem+json");
        switchTo(Map.of("mode", "FAILING", "delayMs", 10)).then().statusCode(400);
        switchTo(Map.of("mode", "SLOW", "delayMs", -1)).then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).get("/admin/mode").then().body("mode", equalTo("SLOW"));
    }

    @Test
    void onlyAnAdministratorSwitchesModes() {
        given().contentType("application/json").body(Map.of("mode", "FAILING")).put("/admin/mode")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.brand("acme")).contentType("application/json").body(Map.of("mode", "FAILING"))
                .put("/admin/mode").then().statusCode(403);
        given().auth().oauth2(Tokens.withRole("ssp", "reference", "CH")).get("/admin/mode").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get("/admin/mode").then().statusCode(200).body("mode", equalTo("NORMAL"));
    }

    private static io.restassured.response.Response switchTo(Map<String, Object> mode) {
        return given().auth().oauth2(Tokens.admin()).contentType("application/json").body(mode).put("/admin/mode");
    }
}
