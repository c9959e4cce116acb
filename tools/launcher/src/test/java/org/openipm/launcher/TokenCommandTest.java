package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./ipm token end to end: the command line in, a token a service's verifier (jose4j, as smallrye-jwt) accepts. */
class TokenCommandTest {

    @TempDir
    Path home;

    private final StringWriter err = new StringWriter();

    @Test
    void defaultTokenCarriesIssuerAudienceRoleAndOrgAndVerifiesWithThePublicPem() throws Exception {
        JwtClaims claims = verify(token("token", "brand"));
        assertThat(claims.getIssuer()).isEqualTo("https://openipm.local");
        assertThat(claims.getAudience()).containsExactly("openipm");
        assertThat(claims.getSubject()).isEqualTo("local-brand");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("local-brand");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("brand");
        assertThat(claims.getStringClaimValue("org")).isEqualTo("acme");
        assertThat(claims.getStringClaimValue("country")).isEqualTo("FR");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(3600);
        assertThat(claims.getJwtId()).isNotBlank();
    }

    @Test
    void optionsOverrideTheDefaults() throws Exception {
        JwtClaims claims = verify(token("token", "officer", "--org", "de-customs", "--country", "de", "--sub", "alice",
                "--ttl=5"));
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaimValue("org")).isEqualTo("de-customs");
        assertThat(claims.getStringClaimValue("country")).isEqualTo("DE");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(300);
    }

    @Test
    void theKeyIsMadeOnceAndReused() throws Exception {
        verify(token("token", "admin"));
        String publicPem = Files.readString(home.resolve(".ipm/keys/public.pem"));
        verify(token("token", "ssp"));
        assertThat(Files.readString(home.resolve(".ipm/keys/public.pem"))).isEqualTo(publicPem);
        assertThat(Files.getPosixFilePermissions(home.resolve(".ipm/keys/private.pem")))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void eachRoleHasADefaultOrg() {
        assertThat(TokenCommand.DEFAULT_ORGS).containsOnlyKeys(TokenCommand.ROLES).containsAllEntriesOf(Map.of(
                "brand", "acme", "officer", "fr-customs", "customs-system", "fr-customs", "ssp", "local-ssp",
                "admin", "local-org"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        String token = token("token", "admin");
        Files.delete(home.resolve(".ipm/keys/private.pem")); // a new pair is made: the old token no longer verifies
        token("token", "admin");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verify(token)).isInstanceOf(InvalidJwtException.class);
    }

    private String token(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var commandLine = Ipm.commandLine(home, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true));
        assertThat(commandLine.execute(args)).as(err.toString()).isZero();
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private JwtClaims verify(String token) throws Exception {
        String pem = Files.readString(home.resolve(".ipm/keys/public.pem"));
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        JwtConsumer consumer = new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer("https://openipm.local")
                .setExpectedAudience("openipm").setRequireExpirationTime().build();
        return consumer.processToClaims(token);
    }
}
