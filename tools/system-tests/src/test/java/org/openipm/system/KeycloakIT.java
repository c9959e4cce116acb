package org.openipm.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openipm.launcher.KeycloakServer;
import org.openipm.launcher.ServiceDefinition;
import org.openipm.launcher.ServiceProcess;
import org.openipm.testing.KafkaBroker;
import org.openipm.testing.PostgresServer;

/**
 * The services trust a real Keycloak (the distribution zip from Maven Central, the realm export of
 * deploy/keycloak) as they would in production: people get tokens by the password grant, machines by client
 * credentials, and product-service and lookup-service (packaged, each its own JVM, pointed at the realm's issuer
 * and JWKS URL) grant what each role may do, refuse a token minted for another audience and follow a signing key
 * rotation. Keycloak and these two services are started once for this class, apart from the shared platform
 * (which trusts the test key): their own database, their own consumer groups.
 */
@DisabledIfSystemProperty(named = "openipm.keycloak.skip", matches = "true",
        disabledReason = "-Dopenipm.keycloak.skip=true: Keycloak was not fetched")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {

    /** The first start of a fresh distribution builds Keycloak's server image: a minute when idle, more when busy. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
    /** How often the services load the identity provider's keys again (production: openipm.security's 10m). */
    private static final String KEY_REFRESH = "2s";
    private static final String SCAN = "https://brand.example/p/01/04006381333931";

    private static KeycloakServer keycloak;
    private static KeycloakRealm realm;
    private static final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    @BeforeAll
    static void startKeycloakAndTwoServicesThatTrustIt() throws Exception {
        Path project = Path.of(System.getProperty("openipm.project.dir", "..")).toAbsolutePath().normalize();
        Path logs = Files.createDirectories(project.resolve("tools/system-tests/target/service-logs"));
        String adminPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path home = Path.of(System.getProperty("openipm.keycloak.home"));
        // A fresh database, so the realm is imported as committed; the built server image is kept between runs.
        deleteRecursively(home.resolve("data"));
        keycloak = new KeycloakServer(home, freePort(), adminPassword, logs.resolve("keycloak.log")).start(project, false);
        realm = new KeycloakRealm(keycloak, adminPassword);

        Map<String, String> environment = Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers()),
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", ownDatabase("keycloak_it")),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER),
                Map.entry("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD),
                Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keycloak.jwksUrl()),
                Map.entry("MP_JWT_VERIFY_ISSUER", keycloak.issuer()),
                Map.entry("OPENIPM_SECURITY_KEY_REFRESH_INTERVAL", KEY_REFRESH),
                Map.entry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"),
                Map.entry("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1"), // as the shared platform's services
                // They start while Keycloak builds its image on a shared machine: Agroal's 5 s wait is too short.
                Map.entry("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60s"));
        // The shared platform's instances consume the same topics: these read them for their own database, in
        // consumer groups of their own (named exactly: in the upper-case form, a channel's dash is ambiguous).
        Map<String, String> consumerGroups = Map.of(
                "product-service", "mp.messaging.incoming.product-viewed.group.id",
                "lookup-service", "mp.messaging.incoming.product-events.group.id");
        for (String name : List.of("product-service", "lookup-service")) {
            ServiceDefinition definition = ServiceDefinition.byName(name).orElseThrow();
            Map<String, String> serviceEnvironment = new LinkedHashMap<>(environment);
            serviceEnvironment.put(consumerGroups.get(name), "keycloak-it." + name);
            services.put(name, new ServiceProcess(name, definition.jar(project), freePort(), serviceEnvironment,
                    logs.resolve("keycloak-it-" + name + ".log"), false).start());
        }
        List<String> failures = new ArrayList<>();
        try {
            keycloak.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            failures.add("Keycloak: " + e.getMessage() + "\n" + String.join("\n", keycloak.logTail(40)));
        }
        for (ServiceProcess service : services.values()) {
            try {
                service.awaitReady(READY_TIMEOUT);
            } catch (RuntimeException e) {
                failures.add(service.name() + ": " + e.getMessage() + "\n" + String.join("\n", service.logTail(40)));
            }
        }
        if (!failures.isEmpty()) {
            stop();
            throw new IllegalStateException("Not ready:\n" + String.join("\n", failures));
        }
    }

    @AfterAll
    static void stop() {
        services.values().parallelStream().forEach(s -> s.stop(Duration.ofSeconds(15)));
        if (keycloak != null) {
            keycloak.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    @Order(1)
    void peopleAndMachinesSignInWithKeycloakAndActWithTheirRolesAndOrganisations() {
        String admin = realm.passwordToken("openipm-admin");
        for (String brand : List.of("acme", "globex")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("id", brand, "name", "Maison " + brand))
                    .post(url("product-service") + "/api/v1/brands").then().statusCode(201);
        }

        String acme = realm.passwordToken("acme");
        given().auth().oauth2(acme).get(url("product-service") + "/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("acme")).body("roles", contains("brand"))
                .body("org", equalTo("acme")).body("country", equalTo("FR"));
        given().auth().oauth2(acme).get(url("product-service") + "/api/v1/brands/acme").then().statusCode(200)
                .body("id", equalTo("acme"));
        given().auth().oauth2(acme).get(url("product-service") + "/api/v1/brands/globex").then().statusCode(404);
        given().auth().oauth2(acme).queryParam("code", SCAN).get(url("lookup-service") + "/api/v1/lookup")
                .then().statusCode(403);

        String officer = realm.passwordToken("fr-officer");
        given().auth().oauth2(officer).get(url("lookup-service") + "/api/v1/me").then().statusCode(200)
                .body("roles", contains("officer")).body("org", equalTo("fr-customs")).body("country", equalTo("FR"));
        given().auth().oauth2(officer).queryParam("code", SCAN).get(url("lookup-service") + "/api/v1/lookup")
                .then().statusCode(200);
        given().auth().oauth2(officer).get(url("product-service") + "/api/v1/brands/globex").then().statusCode(200);

        assertThat(realm.clientCredentialsStatus("customs-system-demo", "not-the-secret")).isEqualTo(401);
        String customsSystem = realm.clientCredentialsToken("customs-system-demo", "customs-system-demo-secret");
        given().auth().oauth2(customsSystem).get(url("lookup-service") + "/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("service-account-customs-system-demo"))
                .body("roles", contains("customs-system")).body("org", equalTo("fr-customs"));
        given().auth().oauth2(customsSystem).queryParam("code", SCAN)
                .get(url("lookup-service") + "/api/v1/codes/interpret").then().statusCode(200);
        given().auth().oauth2(customsSystem).queryParam("code", SCAN).get(url("lookup-service") + "/api/v1/lookup")
                .then().statusCode(403);

        String ssp = realm.clientCredentialsToken("ssp-demo", "ssp-demo-secret");
        given().auth().oauth2(ssp).get(url("product-service") + "/api/v1/me").then().statusCode(200)
                .body("roles", contains("ssp")).body("org", equalTo("local-ssp"));
        given().auth().oauth2(ssp).get(url("product-service") + "/api/v1/brands/acme").then().statusCode(403);
    }

    @Test
    @Order(2)
    void aTokenTheSameRealmIssuedForAnotherAudienceIsRefused() {
        // Same realm, same signing key, same user and roles: only the audience differs.
        realm.createPublicClient("partner-portal", List.of(
                mapper("groups", "oidc-usermodel-realm-role-mapper", Map.of("claim.name", "groups", "multivalued", "true")),
                mapper("org", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "org", "claim.name", "org")),
                mapper("audience", "oidc-audience-mapper", Map.of("included.custom.audience", "partner-api"))));
        String forThePartner = realm.passwordToken("partner-portal", "fr-officer");

        for (String service : services.keySet()) {
            given().auth().oauth2(forThePartner).get(url(service) + "/api/v1/me").then().statusCode(401);
        }
        given().auth().oauth2(forThePartner).queryParam("code", SCAN).get(url("lookup-service") + "/api/v1/lookup")
                .then().statusCode(401);
        given().auth().oauth2(realm.passwordToken("fr-officer")).get(url("lookup-service") + "/api/v1/me")
                .then().statusCode(200);
    }

    @Test
    @Order(3)
    void theServicesFollowASigningKeyRotation() {
        String beforeRotation = realm.passwordToken("fr-officer");
        assertAccepted(beforeRotation);

        realm.addSigningKey("rotated", 200);
        String afterRotation = realm.passwordToken("fr-officer");
        assertThat(KeycloakRealm.keyId(afterRotation)).isNotEqualTo(KeycloakRealm.keyId(beforeRotation));
        // The new key is fetched when the services first see it; the old one is still published, so the tokens
        // it signed stay valid until they expire: nobody is signed out by a rotation.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertAccepted(afterRotation));
        assertAccepted(beforeRotation);

        realm.removeKeyProvider(realm.keyProviderOf(KeycloakRealm.keyId(beforeRotation)));
        // Once the old key is withdrawn, the services refuse what it signed after their next key refresh, even
        // though they had verified (and remembered) that very token before.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String service : services.keySet()) {
                given().auth().oauth2(beforeRotation).get(url(service) + "/api/v1/me").then().statusCode(401);
            }
        });
        assertAccepted(afterRotation);
    }

    private static void assertAccepted(String token) {
        for (String service : services.keySet()) {
            given().auth().oauth2(token).get(url(service) + "/api/v1/me").then().statusCode(200);
        }
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
        Map<String, String> withClaim = new LinkedHashMap<>(config);
        withClaim.put("access.token.claim", "true");
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", type, "config", withClaim);
    }

    private static String url(String service) {
        return services.get(service).baseUri().toString().replaceAll("/$", "");
    }

    /** A database of this class's own on the shared PostgreSQL server: the platform's schemas stay untouched. */
    private static String ownDatabase(String name) throws Exception {
        String shared = PostgresServer.jdbcUrl();
        try (Connection connection = DriverManager.getConnection(shared, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        }
        return shared.replace("/postgres?", "/" + name + "?");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
