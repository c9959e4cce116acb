package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final Path HOME = Path.of("/project");
    private static final ServiceDefinition PRODUCT = ServiceDefinition.byName("product").orElseThrow();
    private static final ServiceDefinition LOOKUP = ServiceDefinition.byName("lookup-service").orElseThrow();

    @Test
    void defaultsGiveTheServiceContractWithTheLocalPassword() throws Exception {
        Settings settings = new Settings(HOME, Map.of("IPM_JSON_LOGS", "1"));
        assertThat(settings.serviceEnvironment(PRODUCT, "s3cret")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "QUARKUS_HTTP_PORT", "8081",
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:15432/openipm",
                "QUARKUS_DATASOURCE_USERNAME", "openipm",
                "QUARKUS_DATASOURCE_PASSWORD", "s3cret",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/project/.ipm/keys/public.pem",
                "MP_JWT_VERIFY_ISSUER", "https://openipm.local",
                "MP_JWT_VERIFY_AUDIENCES", "openipm"));
        assertThat(settings.externalKafka).isEmpty();
        assertThat(settings.startsPostgres(false)).isTrue();
        assertThat(settings.ports(false)).extracting(Settings.Port::port)
                .containsExactly(15432, 9092, 9093, 8081, 8082, 8083, 8084, 8085, 8086);
        assertThat(settings.ports(true)).extracting(Settings.Port::port).containsExactly(15432, 9092, 9093);
        assertThat(settings.passwordFile).isEqualTo(Path.of("/project/.ipm/state/db-password"));
    }

    @Test
    void authenticationServiceGetsAKeyKeptInTheLocalStateUnlessOneIsGiven(@TempDir Path ipmDir) throws Exception {
        ServiceDefinition authentication = ServiceDefinition.byName("authentication-service").orElseThrow();
        Settings settings = new Settings(HOME, Map.of("IPM_DIR", ipmDir.toString()));

        String key = settings.serviceEnvironment(authentication, "p").get("OPENIPM_AUTHENTICATION_SECRET_KEY");

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(settings.serviceEnvironment(authentication, "p"))
                .containsEntry("OPENIPM_AUTHENTICATION_SECRET_KEY", key);
        assertThat(settings.serviceEnvironment(PRODUCT, "p")).doesNotContainKey("OPENIPM_AUTHENTICATION_SECRET_KEY");
        assertThat(new Settings(HOME, Map.of("IPM_DIR", ipmDir.toString(), "OPENIPM_AUTHENTICATION_SECRET_KEY",
                "given")).serviceEnvironment(authentication, "p"))
                .containsEntry("OPENIPM_AUTHENTICATION_SECRET_KEY", "given");
    }

    @Test
    void notificationServiceGetsItsOwnWebhookSecretKeyAndLoopbackReceivers(@TempDir Path ipmDir) throws Exception {
        ServiceDefinition notification = ServiceDefinition.byName("notification-service").orElseThrow();
        Settings settings = new Settings(HOME, Map.of("IPM_DIR", ipmDir.toString()));

        Map<String, String> env = settings.serviceEnvironment(notification, "p");

        assertThat(Base64.getDecoder().decode(env.get("OPENIPM_NOTIFICATION_SECRET_KEY"))).hasSize(32);
        assertThat(settings.serviceEnvironment(notification, "p"))
                .containsEntry("OPENIPM_NOTIFICATION_SECRET_KEY", env.get("OPENIPM_NOTIFICATION_SECRET_KEY"))
                .containsEntry("OPENIPM_NOTIFICATION_WEBHOOKS_ALLOW_LOOPBACK_HTTP", "true");
    }

    @Test
    void messagingServiceSignsDossiersWithAKeyPairOfTheLocalStateUnlessOneIsGiven(@TempDir Path ipmDir)
            throws Exception {
        ServiceDefinition messaging = ServiceDefinition.byName("messaging-service").orElseThrow();
        Settings settings = new Settings(HOME, Map.of("IPM_DIR", ipmDir.toString()));

        String key = settings.serviceEnvironment(messaging, "p").get("OPENIPM_DOSSIER_SIGNING_KEY_LOCATION");

        assertThat(Path.of(key)).isRegularFile().content().startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(settings.serviceEnvironment(messaging, "p"))
                .containsEntry("OPENIPM_DOSSIER_SIGNING_KEY_LOCATION", key);
        assertThat(new Settings(HOME, Map.of("IPM_DIR", ipmDir.toString(), "OPENIPM_DOSSIER_SIGNING_KEY_LOCATION",
                "/etc/openipm/dossier.pem")).serviceEnvironment(messaging, "p"))
                .doesNotContainKey("OPENIPM_DOSSIER_SIGNING_KEY_LOCATION");
    }

    @Test
    void withKeycloakTheServicesTrustItsRealmInsteadOfTheLocalKey() throws Exception {
        Settings settings = new Settings(HOME, Map.of("IPM_KEYCLOAK_PORT", "18180"));
        assertThat(settings.serviceEnvironment(PRODUCT, "p", true))
                .containsEntry("MP_JWT_VERIFY_ISSUER", "http://localhost:18180/realms/openipm")
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        "http://localhost:18180/realms/openipm/protocol/openid-connect/certs")
                .containsEntry("MP_JWT_VERIFY_AUDIENCES", "openipm");
        assertThat(settings.ports(false, true)).extracting(Settings.Port::port).startsWith(18180, 15432, 9092);
        assertThat(settings.ports(true, true)).extracting(Settings.Port::port).containsExactly(18180, 15432, 9092, 9093);
        assertThat(settings.keycloakReadyTimeout).hasMinutes(5);
        assertThat(new Settings(HOME, Map.of("IPM_READY_TIMEOUT", "60")).keycloakReadyTimeout).hasSeconds(60);
        assertThat(settings.keycloakDir()).isEqualTo(Path.of("/project/.ipm/keycloak"));
    }

    @Test
    void servicesLogPlainTextUnlessJsonIsAskedFor() throws Exception {
        assertThat(new Settings(HOME, Map.of()).serviceEnvironment(PRODUCT, "p"))
                .containsEntry("_PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        assertThat(new Settings(HOME, Map.of("IPM_JSON_LOGS", "true")).serviceEnvironment(PRODUCT, "p"))
                .doesNotContainKey("_PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED");
    }

    @Test
    void portsAndStateMoveWithTheirVariables() throws Exception {
        Settings settings = new Settings(HOME, Map.of("IPM_PRODUCT_PORT", "18081", "IPM_KAFKA_PORT", "19092",
                "IPM_POSTGRES_PORT", "25432", "IPM_DIR", "/tmp/bench/ipm"));
        assertThat(settings.serviceEnvironment(PRODUCT, "p"))
                .containsEntry("QUARKUS_HTTP_PORT", "18081")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:25432/openipm")
                .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/tmp/bench/ipm/keys/public.pem");
        assertThat(settings.kafkaControllerPort).isEqualTo(19093);
        assertThat(settings.logFile("kafka")).isEqualTo(Path.of("/tmp/bench/ipm/logs/kafka.log"));
    }

    @Test
    void externalKafkaAndDatabaseAreUsedNotStartedAndGetNoDefaultPassword() throws Exception {
        Settings settings = new Settings(HOME, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "IPM_DB_URL", "postgresql://db:5432/ipm", "IPM_DB_USER", "u",
                "LOOKUP_DB_URL", "jdbc:postgresql://other:5432/lookup", "LOOKUP_DB_PASSWORD", "lp"));
        assertThat(settings.startsPostgres(false)).isFalse();
        assertThat(settings.startsPostgres(true)).isFalse();
        assertThat(settings.ports(true)).isEmpty();
        assertThat(settings.serviceEnvironment(PRODUCT, "local"))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker:29092")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/ipm")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "u")
                .doesNotContainKey("QUARKUS_DATASOURCE_PASSWORD");
        // The per-service variables win, field by field.
        assertThat(settings.serviceEnvironment(LOOKUP, "local"))
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://other:5432/lookup")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "u")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "lp");
    }

    @Test
    void postgresStartedWhileOneServiceStillUsesIt() {
        assertThat(new Settings(HOME, Map.of("PRODUCT_DB_URL", "jdbc:postgresql://x/y")).startsPostgres(false)).isTrue();
        assertThat(new Settings(HOME, Map.of("IPM_SERVICES", "product", "PRODUCT_DB_URL", "jdbc:postgresql://x/y"))
                .startsPostgres(false)).isFalse();
    }

    @Test
    void ipmServicesSelectsSomeServicesInPlatformOrder() {
        Settings settings = new Settings(HOME, Map.of("IPM_SERVICES", "lookup, product-service"));
        assertThat(settings.services).containsExactly(PRODUCT, LOOKUP);
        assertThat(settings.ports(false)).extracting(Settings.Port::port).containsExactly(15432, 9092, 9093, 8081, 8082);
        assertThatThrownBy(() -> new Settings(HOME, Map.of("IPM_SERVICES", "billing")))
                .isInstanceOf(LauncherException.class).hasMessageContaining("unknown service 'billing'");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThatThrownBy(() -> new Settings(HOME, Map.of("IPM_KAFKA_PORT", "nine")))
                .isInstanceOf(LauncherException.class)
                .hasMessage("IPM_KAFKA_PORT must be a port number (1-65535), not 'nine'.")
                .extracting(e -> ((LauncherException) e).exitCode).isEqualTo(2);
        assertThatThrownBy(() -> new Settings(HOME, Map.of("IPM_READY_TIMEOUT", "-1")))
                .hasMessageContaining("IPM_READY_TIMEOUT must be a positive number");
        assertThatThrownBy(() -> new Settings(HOME, Map.of("IPM_DOWN_TIMEOUT", "soon")))
                .hasMessageContaining("IPM_DOWN_TIMEOUT");
    }

    @Test
    void aBusyPortIsReportedWithTheVariableThatMovesIt() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0)) {
            assertThatThrownBy(() -> Settings.requireFree(java.util.List.of(
                    new Settings.Port("Kafka", busy.getLocalPort(), "IPM_KAFKA_PORT"))))
                    .isInstanceOf(LauncherException.class)
                    .hasMessage("Port " + busy.getLocalPort() + " (Kafka) is already in use: stop what uses it, or set"
                            + " IPM_KAFKA_PORT to a free port.");
        }
    }
}
