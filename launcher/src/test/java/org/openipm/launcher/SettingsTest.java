package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Path HOME = Path.of("/project");
    private static final ServiceDefinition PRODUCT = ServiceDefinition.byName("product").orElseThrow();
    private static final ServiceDefinition LOOKUP = ServiceDefinition.byName("lookup-service").orElseThrow();

    @Test
    void defaults_give_the_service_contract() {
        Settings settings = Settings.from(HOME, Map.of("IPM_JSON_LOGS", "1"));
        assertThat(settings.serviceEnvironment(PRODUCT)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "QUARKUS_HTTP_PORT", "8081",
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:15432/openipm",
                "QUARKUS_DATASOURCE_USERNAME", "openipm",
                "QUARKUS_DATASOURCE_PASSWORD", "openipm",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/project/.ipm/keys/public.pem",
                "MP_JWT_VERIFY_ISSUER", "https://openipm.local"));
        assertThat(settings.startsKafka()).isTrue();
        assertThat(settings.startsPostgres(false)).isTrue();
        assertThat(settings.portsToCheck(false)).extracting(PortCheck.NeededPort::port)
                .containsExactly(15432, 9092, 9093, 8081, 8082, 8083, 8084, 8085);
        assertThat(settings.portsToCheck(true)).extracting(PortCheck.NeededPort::port)
                .containsExactly(15432, 9092, 9093);
    }

    @Test
    void services_log_plain_text_unless_json_is_asked_for() {
        assertThat(Settings.from(HOME, Map.of()).serviceEnvironment(PRODUCT))
                .containsEntry("_PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        assertThat(Settings.from(HOME, Map.of("IPM_JSON_LOGS", "true")).serviceEnvironment(PRODUCT))
                .doesNotContainKey("_PROD_QUARKUS_LOG_CONSOLE_JSON_ENABLED");
    }

    @Test
    void ports_move_with_their_variables() {
        Settings settings = Settings.from(HOME, Map.of("IPM_PRODUCT_PORT", "18081", "IPM_KAFKA_PORT", "19092",
                "IPM_POSTGRES_PORT", "25432"));
        assertThat(settings.serviceEnvironment(PRODUCT))
                .containsEntry("QUARKUS_HTTP_PORT", "18081")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:25432/openipm");
        assertThat(settings.kafkaControllerPort()).isEqualTo(19093);
    }

    @Test
    void external_kafka_and_database_are_used_not_started() {
        Settings settings = Settings.from(HOME, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "IPM_DB_URL", "postgresql://db:5432/ipm", "IPM_DB_USER", "u", "IPM_DB_PASSWORD", "p",
                "LOOKUP_DB_URL", "jdbc:postgresql://other:5432/lookup", "LOOKUP_DB_PASSWORD", "lp"));
        assertThat(settings.startsKafka()).isFalse();
        assertThat(settings.startsPostgres(false)).isFalse();
        assertThat(settings.startsPostgres(true)).isFalse();
        assertThat(settings.portsToCheck(true)).isEmpty();
        assertThat(settings.serviceEnvironment(PRODUCT))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "broker:29092")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/ipm")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "u");
        // The per-service variables win, field by field.
        assertThat(settings.serviceEnvironment(LOOKUP))
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://other:5432/lookup")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "u")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "lp");
    }

    @Test
    void postgres_started_while_one_service_still_uses_it() {
        Settings settings = Settings.from(HOME, Map.of("PRODUCT_DB_URL", "jdbc:postgresql://x/y"));
        assertThat(settings.startsPostgres(false)).isTrue();
    }

    @Test
    void ipm_services_selects_some_services_in_platform_order() {
        Settings settings = Settings.from(HOME, Map.of("IPM_SERVICES", "lookup, product-service"));
        assertThat(settings.services()).containsExactly(PRODUCT, LOOKUP);
        assertThat(settings.portsToCheck(false)).extracting(PortCheck.NeededPort::port)
                .containsExactly(15432, 9092, 9093, 8081, 8082);
        assertThatThrownBy(() -> Settings.from(HOME, Map.of("IPM_SERVICES", "billing")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown service 'billing'");
    }

    @Test
    void bad_values_are_usage_errors() {
        assertThatThrownBy(() -> Settings.from(HOME, Map.of("IPM_KAFKA_PORT", "nine")))
                .isInstanceOf(UsageException.class)
                .hasMessage("IPM_KAFKA_PORT must be a port number (1-65535), not 'nine'.");
        assertThatThrownBy(() -> Settings.from(HOME, Map.of("IPM_LOOKUP_PORT", "8081")))
                .isInstanceOf(UsageException.class)
                .hasMessage("Port 8081 is set for both product-service and lookup-service: change IPM_PRODUCT_PORT"
                        + " or IPM_LOOKUP_PORT.");
        assertThatThrownBy(() -> Settings.from(HOME, Map.of("IPM_READY_TIMEOUT", "-1")))
                .isInstanceOf(UsageException.class);
    }
}
