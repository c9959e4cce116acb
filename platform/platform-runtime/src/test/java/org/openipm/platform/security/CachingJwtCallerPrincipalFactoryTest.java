package org.openipm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache against a real identity provider's key set: a JWKS served over HTTP by this test on
 * loopback, verified by the real smallrye-jwt verifier. Time is a clock the test moves, so nothing waits.
 */
class CachingJwtCallerPrincipalFactoryTest {

    static final String ISSUER = "https://idp.test";
    static final String AUDIENCE = "openipm";

    final KeyPair keyA = rsa();
    final KeyPair keyB = rsa();
    final AtomicReference<String> publishedKeys = new AtomicReference<>();
    final AtomicInteger jwksFetches = new AtomicInteger();
    final MovableClock clock = new MovableClock();
    HttpServer identityProvider;
    JWTAuthContextInfo verification;

    @BeforeEach
    void publishKeys() throws IOException {
        identityProvider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        identityProvider.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = publishedKeys.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        identityProvider.start();
        publishedKeys.set(jwks("key-a", keyA));
        verification = new JWTAuthContextInfo();
        verification.setPublicKeyLocation("http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/jwks");
        verification.setIssuedBy(ISSUER);
        verification.setExpectedAudience(Set.of(AUDIENCE));
    }

    @AfterEach
    void stop() {
        identityProvider.stop(0);
    }

    @Test
    void aTokenSignedByAWithdrawnKeyIsRefusedAfterTheNextKeyRefresh() throws Exception {
        CachingJwtCallerPrincipalFactory factory = new CachingJwtCallerPrincipalFactory(
                DefaultJWTCallerPrincipalFactory::new, 100, Duration.ofSeconds(30), clock);
        String signedByA = token("key-a", keyA, Duration.ofHours(1));
        assertThat(factory.parse(signedByA, verification).getSubject()).isEqualTo("officer-1");

        publishedKeys.set(jwks("key-b", keyB)); // the provider rotates: key A is no longer published
        String signedByB = token("key-b", keyB, Duration.ofHours(1));
        clock.advance(Duration.ofSeconds(31));

        assertThatThrownBy(() -> factory.parse(signedByA, verification)).isInstanceOf(ParseException.class);
        assertThat(factory.parse(signedByB, verification).getSubject()).isEqualTo("officer-1");
    }

    @Test
    void betweenRefreshesAVerifiedTokenIsNotVerifiedAgain() throws Exception {
        AtomicInteger verifications = new AtomicInteger();
        CachingJwtCallerPrincipalFactory factory = new CachingJwtCallerPrincipalFactory(
                () -> counting(verifications), 100, Duration.ofMinutes(10), clock);
        String token = token("key-a", keyA, Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            factory.parse(token, verification);
        }
        assertThat(verifications).hasValue(1);
        assertThat(jwksFetches).hasValue(1);
    }

    @Test
    void aCachedVerificationNeverOutlivesTheTokensExpiry() throws Exception {
        AtomicInteger verifications = new AtomicInteger();
        CachingJwtCallerPrincipalFactory factory = new CachingJwtCallerPrincipalFactory(
                () -> counting(verifications), 100, Duration.ofHours(10), clock);
        String token = token("key-a", keyA, Duration.ofMinutes(5));
        JWTCallerPrincipal first = factory.parse(token, verification);
        clock.advance(Duration.ofMinutes(4));
        factory.parse(token, verification);
        assertThat(verifications).hasValue(1);

        clock.set(Instant.ofEpochSecond(first.getExpirationTime()));
        factory.parse(token, verification); // the real verifier still sees a live token; the cache must not answer
        assertThat(verifications).hasValue(2);
    }

    private static JWTCallerPrincipalFactory counting(AtomicInteger verifications) {
        JWTCallerPrincipalFactory real = new DefaultJWTCallerPrincipalFactory();
        return new JWTCallerPrincipalFactory() {
            @Override
            public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
                verifications.incrementAndGet();
                return real.parse(token, info);
            }
        };
    }

    private static String token(String keyId, KeyPair key, Duration validity) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("officer-1").upn("officer-1").groups("officer")
                .expiresIn(validity).jws().keyId(keyId).sign(key.getPrivate());
    }

    private static String jwks(String keyId, KeyPair key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) key.getPublic());
        jwk.setKeyId(keyId);
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return new JsonWebKeySet(jwk).toJson();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
