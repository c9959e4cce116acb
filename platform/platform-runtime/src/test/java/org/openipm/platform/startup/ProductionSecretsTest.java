package org.openipm.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    private static Function<String, Optional<String>> config(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void startsWhenThePasswordAndAKeyLocationAreGiven() {
        assertThatCode(() -> ProductionSecrets.require(config(Map.of(
                "quarkus.datasource.password", "s3cret",
                "mp.jwt.verify.publickey.location", "https://idp.example/jwks")))).doesNotThrowAnyException();
    }

    @Test
    void anInlineKeyIsEnoughToo() {
        assertThat(ProductionSecrets.missing(config(Map.of(
                "quarkus.datasource.password", "s3cret", "mp.jwt.verify.publickey", "MIIB...")))).isEmpty();
    }

    @Test
    void refusesWithoutTheDatabasePasswordNamingTheVariable() {
        assertThatThrownBy(() -> ProductionSecrets.require(config(Map.of(
                "mp.jwt.verify.publickey.location", "/keys/public.pem"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QUARKUS_DATASOURCE_PASSWORD")
                .hasMessageNotContaining("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }

    @Test
    void refusesWithoutAVerificationKey() {
        assertThatThrownBy(() -> ProductionSecrets.require(config(Map.of("quarkus.datasource.password", "s3cret"))))
                .hasMessageContaining("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                .hasMessageNotContaining("QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void aBlankValueCountsAsMissingAndBothAreReportedAtOnce() {
        assertThat(ProductionSecrets.missing(config(Map.of(
                "quarkus.datasource.password", " ", "mp.jwt.verify.publickey.location", "")))).hasSize(2);
    }
}
