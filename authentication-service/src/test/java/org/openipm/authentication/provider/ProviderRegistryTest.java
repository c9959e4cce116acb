package org.openipm.authentication.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.openipm.authentication.Fixtures.newId;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openipm.authentication.Fixtures;
import org.openipm.provider.protocol.MessageSignatures;
import org.openipm.testing.PlatformTestResource;
import org.openipm.testing.PostgresServer;
import org.openipm.testing.Tokens;

/** Administrators keep the registry; providers and brands see only their own part of it; secrets stay secret. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ProviderRegistryTest {

    @Test
    void aGeneratedSecretIsShownOnceAndStoredOnlyEncrypted() throws Exception {
        String id = newId("seal");
        Response created = register(body(id, "brand-a"));
        created.then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/providers/" + id))
                .body("provider.id", equalTo(id)).body("provider.status", equalTo("ACTIVE"))
                .body("provider.timeoutMs", equalTo(2000));
        String secret = created.path("secret");
        assertThat(secret).startsWith("whsec_");
        new MessageSignatures(secret);

        for (Response read : List.of(
                given().auth().oauth2(Tokens.admin()).get("/api/v1/providers/{id}", id),
                given().auth().oauth2(Tokens.admin()).get("/api/v1/providers"),
                given().auth().oauth2(Tokens.withRole("ssp", id, "FR")).get("/api/v1/providers/{id}", id),
                given().auth().oauth2(Tokens.admin()).get("/api/v1/providers/{id}/audit", id),
                given().auth().oauth2(Tokens.brand("brand-a")).get("/api/v1/brands/brand-a/providers"),
                given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body(id, "brand-b"))
                        .put("/api/v1/providers/{id}", id))) {
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.asString()).doesNotContain(secret).doesNotContain(secret.substring(6))
                    .doesNotContain("whsec_");
        }
        String stored = storedSecret(id);
        assertThat(stored).startsWith("v1:").doesNotContain(secret.substring(6));
    }

    @Test
    void aGivenSecretIsKeptAndAReplacementIsAudited() {
        String id = newId("seal");
        String secret = MessageSignatures.newSecret();
        Map<String, Object> body = body(id, "brand-a");
        body.put("secret", secret);
        assertThat((String) register(body).then().statusCode(201).extract().path("secret")).isEqualTo(secret);

        body.put("secret", MessageSignatures.newSecret());
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body)
                .put("/api/v1/providers/{id}", id).then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/providers/{id}/audit", id).then().statusCode(200)
                .body("change", equalTo(List.of("CREATED", "SECRET_REPLACED")));
    }

    @Test
    void coverageAndStatusChangesAreAudited() {
        String id = newId("seal");
        register(body(id, "brand-a")).then().statusCode(201);
        Map<String, Object> changed = body(id, "brand-a");
        changed.put("coverage", Map.of("brands", List.of("brand-a", "brand-c"), "gtins", List.of("09520123456788")));
        changed.put("status", "SUSPENDED");

        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(changed)
                .put("/api/v1/providers/{id}", id).then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("coverage.brands", equalTo(List.of("brand-a", "brand-c")));

        given().auth().oauth2(Tokens.admin()).get("/api/v1/providers/{id}/audit", id).then().statusCode(200)
                .body("change", equalTo(List.of("CREATED", "COVERAGE_CHANGED", "STATUS_CHANGED")))
                .body("[1].before.coverage.brands", equalTo(List.of("brand-a")))
                .body("[1].after.coverage.gtins", equalTo(List.of("09520123456788")))
                .body("[1].changedBy", equalTo("platform-admin"));
    }

    @Test
    void badRegistrationsAreRefusedPrecisely() {
        String id = newId("seal");
        List<Map<String, Object>> bad = List.of(
                with(body(id, "b"), "id", "Has Spaces"),
                with(body(id, "b"), "endpoint", null),
                with(body(id, "b"), "endpoint", "ftp://example.com/x"),
                with(body(id, "b"), "secret", "not-a-secret"),
                with(body(id, "b"), "timeoutMs", 10),
                with(body(id, "b"), "connector", "SMOKE"),
                with(body(id, "b"), "coverage", Map.of("brands", List.of())),
                with(body(id, "b"), "coverage", Map.of("brands", List.of("b"), "gtins", List.of("123"))),
                with(body(id, "b"), "coverage", Map.of("brands", List.of("b"), "codeKinds", List.of("QR"))));
        for (Map<String, Object> body : bad) {
            register(body).then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.admin()).get("/api/v1/providers/{id}", id).then().statusCode(404);
        register(body(id, "b")).then().statusCode(201);
        register(body(id, "b")).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aProviderReadsOnlyItsOwnEntryAndStatistics() {
        String own = newId("seal");
        String other = newId("seal");
        register(body(own, "brand-a")).then().statusCode(201);
        register(body(other, "brand-a")).then().statusCode(201);
        String ssp = Tokens.withRole("ssp", own, "FR");

        given().auth().oauth2(ssp).get("/api/v1/providers/{id}", own).then().statusCode(200).body("id", equalTo(own));
        given().auth().oauth2(ssp).get("/api/v1/providers/{id}/statistics", own).then().statusCode(200)
                .body("providerId", equalTo(own)).body("completed", equalTo(0));
        given().auth().oauth2(ssp).get("/api/v1/providers").then().statusCode(200).body("id", equalTo(List.of(own)));
        given().auth().oauth2(ssp).get("/api/v1/providers/{id}", other).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ssp).get("/api/v1/providers/{id}/statistics", other).then().statusCode(404);
        given().auth().oauth2(ssp).get("/api/v1/providers/{id}/audit", own).then().statusCode(404);
        given().auth().oauth2(ssp).contentType("application/json").body(body(own, "brand-z"))
                .put("/api/v1/providers/{id}", own).then().statusCode(404);
        given().auth().oauth2(ssp).contentType("application/json").body(body(newId("seal"), "brand-z"))
                .post("/api/v1/providers").then().statusCode(403);
    }

    @Test
    void officersBrandsAndOtherProvidersSeeNoProvider() {
        String id = newId("seal");
        register(body(id, "brand-a")).then().statusCode(201);
        for (String token : List.of(Tokens.officer("fr-customs", "FR"), Tokens.brand("brand-a"),
                Tokens.withRole("ssp", "another", "FR"), Tokens.withRole("customs-system", "fr-customs", "FR"))) {
            given().auth().oauth2(token).get("/api/v1/providers/{id}", id).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/providers/{id}/statistics", id).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/providers/{id}/audit", id).then().statusCode(404);
            given().auth().oauth2(token).contentType("application/json").body(body(id, "brand-x"))
                    .put("/api/v1/providers/{id}", id).then().statusCode(404);
        }
        given().auth().oauth2(Tokens.officer("fr-customs", "FR")).get("/api/v1/providers").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/providers/{id}", "no-such-provider").then().statusCode(404);
    }

    @Test
    void aBrandSeesWhichProvidersCoverItsProductsAndNothingOfOtherBrands() {
        Fixtures.Product product = Fixtures.publishedProduct();
        Fixtures.awaitCatalogue(product);
        String id = newId("seal");
        Map<String, Object> body = body(id, product.brandId());
        body.put("coverage", Map.of("brands", List.of(product.brandId(), "rival-brand"),
                "gtins", List.of(product.gtin(), "09520123456788")));
        register(body).then().statusCode(201);

        given().auth().oauth2(Tokens.brand(product.brandId())).get("/api/v1/brands/{b}/providers", product.brandId())
                .then().statusCode(200).body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.gtins", equalTo(List.of(product.gtin())))
                .body("find { it.id == '" + id + "' }.allProducts", equalTo(false));
        assertThat(given().auth().oauth2(Tokens.brand(product.brandId()))
                .get("/api/v1/brands/{b}/providers", product.brandId()).asString()).doesNotContain("rival-brand");
        given().auth().oauth2(Tokens.brand("rival-brand")).get("/api/v1/brands/{b}/providers", product.brandId())
                .then().statusCode(404);
        given().auth().oauth2(Tokens.officer("fr-customs", "FR"))
                .get("/api/v1/brands/{b}/providers", product.brandId()).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/brands/{b}/providers", product.brandId())
                .then().statusCode(200).body("id", hasItem(id));
    }

    private static Response register(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body)
                .post("/api/v1/providers");
    }

    private static Map<String, Object> body(String id, String brand) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Seal " + id);
        body.put("connector", "HTTP");
        body.put("endpoint", "https://ssp.example.com/openipm");
        body.put("coverage", Map.of("brands", List.of(brand)));
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    private static String storedSecret(String id) throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD);
                PreparedStatement query = connection.prepareStatement(
                        "select secret_encrypted from authentication.provider where id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
