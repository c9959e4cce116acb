package org.openipm.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Signed tokens as the identity provider would issue them, for tests. */
public final class Tokens {

    public static final String ISSUER = "https://openipm.test";
    /** The audience the services expect ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "openipm";
    private static final PrivateKey KEY = privateKey();

    private Tokens() {
    }

    public static String officer(String authority, String country) {
        return sign(builder("officer-" + authority, "officer").claim("org", authority).claim("country", country));
    }

    /** An officer whose token also says the type of its authority (claim {@code authority_type}). */
    public static String officer(String authority, String country, String authorityType) {
        return sign(builder("officer-" + authority, "officer").claim("org", authority).claim("country", country)
                .claim("authority_type", authorityType));
    }

    public static String brand(String brandId) {
        return sign(builder("user@" + brandId, "brand").claim("org", brandId).claim("country", "FR"));
    }

    public static String admin() {
        return sign(builder("platform-admin", "admin"));
    }

    public static String withRole(String role, String org, String country) {
        return sign(builder(role + "@" + org, role).claim("org", org).claim("country", country));
    }

    public static String expired(String role) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return builder("late-" + role, role).issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))).sign(KEY);
    }

    /** A valid officer token that expires after the given time. */
    public static String expiringIn(Duration validity) {
        return builder("short-lived-officer", "officer").claim("org", "fr-customs").claim("country", "FR")
                .expiresIn(validity).sign(KEY);
    }

    /** A valid signature from the trusted issuer, but minted for another application. */
    public static String forAudience(String audience, String role) {
        return builder("elsewhere-" + role, role).audience(audience).claim("org", "acme").sign(KEY);
    }

    /** Signed by the trusted key but without any audience. */
    public static String withoutAudience(String role) {
        return Jwt.issuer(ISSUER).subject("nobody-" + role).upn("nobody-" + role).groups(role)
                .expiresIn(Duration.ofMinutes(30)).sign(KEY);
    }

    /** The same claims, signed by a key the services do not trust. */
    public static String signedByStranger(String role) {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return builder("stranger", role).sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg=none}) claiming the role: must always be refused. */
    public static String unsigned(String role) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"forger\",\"upn\":\"forger\",\"groups\":[\"" + role
                + "\"],\"org\":\"acme\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        return header + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** Where a service started as a separate process finds the key that verifies these tokens. */
    public static Path publicKeyFile() {
        try (InputStream in = resource("openipm-test-keys/public.pem")) {
            Path file = Files.createTempFile("openipm-test-public", ".pem");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JwtClaimsBuilder builder(String subject, String role) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(role)
                .expiresIn(Duration.ofMinutes(30));
    }

    private static String sign(JwtClaimsBuilder builder) {
        return builder.sign(KEY);
    }

    private static PrivateKey privateKey() {
        try (InputStream in = resource("openipm-test-keys/private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the test signing key", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Tokens.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath");
        }
        return in;
    }
}
