package org.openipm.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openipm.launcher.KeycloakServer;

/**
 * The OpenIPM realm of a running Keycloak, as a client sees it: tokens by the OAuth grants people and machines
 * use, and the few admin REST API calls an operator makes (a client, a new signing key, a key withdrawn).
 */
final class KeycloakRealm {

    /** The demo users' password and the machine clients' secrets, as deploy/keycloak/openipm-realm.json has them. */
    static final String DEMO_PASSWORD = "openipm-demo";
    static final String WEB_CLIENT = "openipm-web";

    private final KeycloakServer keycloak;
    private final String adminPassword;

    KeycloakRealm(KeycloakServer keycloak, String adminPassword) {
        this.keycloak = keycloak;
        this.adminPassword = adminPassword;
    }

    /** A person's access token: the resource owner password grant of the public web client. */
    String passwordToken(String username) {
        return passwordToken(WEB_CLIENT, username);
    }

    String passwordToken(String clientId, String username) {
        return given().formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", username).formParam("password", DEMO_PASSWORD)
                .post(keycloak.tokenUrl())
                .then().statusCode(200).extract().path("access_token");
    }

    /** A machine's access token: the client credentials grant of a confidential client. */
    String clientCredentialsToken(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(keycloak.tokenUrl())
                .then().statusCode(200).extract().path("access_token");
    }

    /** The status Keycloak answers a client credentials grant with (401 for a wrong secret). */
    int clientCredentialsStatus(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post(keycloak.tokenUrl()).statusCode();
    }

    /** The id of the key that signed a token (its JOSE header's {@code kid}). */
    static String keyId(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        return JsonPath.from(header).getString("kid");
    }

    /** A public client of the realm with the given protocol mappers (roles and org as OpenIPM's own clients). */
    void createPublicClient(String clientId, List<Map<String, Object>> protocolMappers) {
        admin().contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false, "protocolMappers", protocolMappers))
                .post(adminUrl("/clients"))
                .then().statusCode(201);
    }

    /**
     * Adds a generated RSA signing key above the realm's current one: Keycloak signs every new token with it at
     * once, and keeps publishing the old one, whose tokens stay valid. @return the key provider's id
     */
    String addSigningKey(String name, int priority) {
        String realmId = admin().get(adminUrl("")).then().statusCode(200).extract().path("id");
        String location = admin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "providerId", "rsa-generated",
                        "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                        "config", Map.of("priority", List.of(Integer.toString(priority)), "keySize", List.of("2048"),
                                "algorithm", List.of("RS256"))))
                .post(adminUrl("/components"))
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The provider (component) that holds the key with this id. */
    String keyProviderOf(String keyId) {
        List<Map<String, Object>> keys = admin().get(adminUrl("/keys")).then().statusCode(200)
                .extract().jsonPath().getList("keys");
        return keys.stream().filter(key -> keyId.equals(key.get("kid"))).map(key -> (String) key.get("providerId"))
                .findFirst().orElseThrow(() -> new AssertionError("No key " + keyId + " in the realm: " + keys));
    }

    /** Removes a key provider: its key is no longer published, so nobody can verify what it signed. */
    void removeKeyProvider(String providerId) {
        admin().delete(adminUrl("/components/" + providerId)).then().statusCode(204);
    }

    private io.restassured.specification.RequestSpecification admin() {
        String token = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", adminPassword)
                .post(keycloak.baseUri() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().auth().oauth2(token);
    }

    private String adminUrl(String path) {
        return keycloak.baseUri() + "/admin/realms/" + KeycloakServer.REALM + path;
    }
}
