package org.openipm.authentication.connector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openipm.authentication.Fixtures.authenticate;
import static org.openipm.authentication.Fixtures.awaitCatalogue;
import static org.openipm.authentication.Fixtures.awaitCompleted;
import static org.openipm.authentication.Fixtures.digitalLink;
import static org.openipm.authentication.Fixtures.publishedProduct;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.authentication.Fixtures;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.Tokens;

/** A provider built like the reference provider (Quarkus REST over plain HTTP) is asked and believed. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class QuarkusRestProviderTest {

    @TestHTTPResource("/test-providers")
    URL providers;

    @Test
    void aProviderServedByQuarkusRestOverPlainHttpAnswers() {
        Fixtures.Product product = publishedProduct();
        String providerId = Fixtures.newId("ssp");
        String secret = MessageSignatures.newSecret();
        QuarkusRestProvider.SECRETS.put(providerId, secret);
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("id", providerId, "name", "Seal", "connector", "HTTP", "endpoint",
                        providers + "/" + providerId, "secret", secret, "timeoutMs", 5000,
                        "coverage", Map.of("brands", List.of(product.brandId()))))
                .post("/api/v1/providers").then().statusCode(201);
        awaitCatalogue(product);

        JsonPath verdict = awaitCompleted(authenticate(digitalLink(product, "REST-1")));

        assertThat(verdict.getString("reason")).isNull();
        assertThat(verdict.getString("verdict")).isEqualTo("GENUINE");
        assertThat(verdict.getString("provider")).isEqualTo(providerId);
    }
}
