package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    @TempDir
    static Path keysDir;
    static LocalKeys keys;

    @BeforeAll
    static void keys() throws Exception {
        keys = LocalKeys.ensure(keysDir);
    }

    @Test
    void token_has_rs256_header_and_verifies_with_the_public_pem() throws Exception {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String token = TokenCommand.sign(TokenCommand.request("brand", null, null, null, null), keys, now);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"ipm-local\"}");

        // Verify as a service would: public.pem (X.509 SubjectPublicKeyInfo) and SHA256withRSA, JDK only.
        String pem = Files.readString(keysDir.resolve("public.pem"));
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        String claims = decode(parts[1]);
        assertThat(claims)
                .contains("\"iss\":\"https://openipm.local\"")
                .contains("\"sub\":\"local-brand\"")
                .contains("\"upn\":\"local-brand\"")
                .contains("\"groups\":[\"brand\"]")
                .contains("\"org\":\"acme\"")
                .contains("\"country\":\"FR\"")
                .contains("\"iat\":1700000000")
                .contains("\"exp\":1700003600")
                .containsPattern("\"jti\":\"[0-9a-f-]{36}\"");
    }

    @Test
    void tampered_token_does_not_verify() throws Exception {
        String token = TokenCommand.sign(TokenCommand.request("admin", null, null, null, null), keys, Instant.now());
        String[] parts = token.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                decode(parts[1]).replace("\"groups\":[\"admin\"]", "\"groups\":[\"officer\"]")
                        .getBytes(StandardCharsets.UTF_8));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.publicKey());
        verifier.update((parts[0] + "." + forged).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isFalse();
    }

    @Test
    void options_override_the_defaults() {
        TokenCommand.Request request = TokenCommand.request("officer", "de-customs", "de", "alice", "5");
        String claims = decode(TokenCommand.sign(request, keys, Instant.ofEpochSecond(100)).split("\\.")[1]);
        assertThat(claims).contains("\"sub\":\"alice\"", "\"org\":\"de-customs\"", "\"country\":\"DE\"",
                "\"exp\":400", "\"groups\":[\"officer\"]");
    }

    @Test
    void each_role_has_a_default_org() {
        assertThat(TokenCommand.request("brand", null, null, null, null).org()).isEqualTo("acme");
        assertThat(TokenCommand.request("officer", null, null, null, null).org()).isEqualTo("fr-customs");
        assertThat(TokenCommand.request("ssp", null, null, null, null).org()).isEqualTo("local-ssp");
        assertThat(TokenCommand.request("customs-system", null, null, null, null).org()).isEqualTo("fr-customs");
        assertThat(TokenCommand.request("admin", null, null, null, null).org()).isEqualTo("local-org");
    }

    @Test
    void invalid_arguments_are_clear_usage_errors() {
        assertThatThrownBy(() -> TokenCommand.request("root", null, null, null, null))
                .isInstanceOf(UsageException.class)
                .hasMessage("Unknown role 'root': use one of officer, brand, customs-system, ssp, admin.");
        assertThatThrownBy(() -> TokenCommand.request(null, null, null, null, null))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a ROLE");
        assertThatThrownBy(() -> TokenCommand.request("brand", null, "FRA", null, null))
                .isInstanceOf(UsageException.class).hasMessageContaining("--country");
        assertThatThrownBy(() -> TokenCommand.request("brand", null, null, null, "0"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--ttl");
    }

    @Test
    void json_strings_are_escaped() {
        assertThat(TokenCommand.quote("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
