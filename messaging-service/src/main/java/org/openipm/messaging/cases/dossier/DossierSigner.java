package org.openipm.messaging.cases.dossier;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.ProblemException;

/**
 * Signs dossiers as a JWS (RFC 7515, RS256) over the exact bytes of the JSON bundle, so that anyone can check one
 * with any JOSE library and the public key published as a JWK set; the key id is the key's RFC 7638 thumbprint.
 */
@Startup // a key that cannot be read stops the service at start, not at the first export
@ApplicationScoped
public class DossierSigner {

    /** The media type of the signed payload, named in the JWS header. */
    public static final String CONTENT_TYPE = "application/vnd.openipm.dossier+json";

    private final Optional<RsaJsonWebKey> key;

    public DossierSigner(DossierSettings settings) {
        this.key = settings.signingKeyLocation().map(DossierSigner::load);
    }

    /** The compact serialisation: header, payload and signature, each base64url-encoded, joined by dots. */
    public String sign(byte[] bundle) {
        RsaJsonWebKey signingKey = key.orElseThrow(() -> new ProblemException(Problem.of("dossier-signing-off",
                "Service Unavailable", 503, "No dossier signing key is configured (openipm.dossier.signing-key-"
                        + "location)")));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayloadBytes(bundle);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(signingKey.getKeyId());
        jws.setContentTypeHeaderValue(CONTENT_TYPE);
        jws.setKey(signingKey.getRsaPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Signing a dossier failed", e);
        }
    }

    /** The id ({@code kid}) of the key {@link #sign} signs with; 503 as {@link #sign} without a key. */
    public String keyId() {
        return key.map(RsaJsonWebKey::getKeyId).orElseThrow(() -> new ProblemException(Problem.of(
                "dossier-signing-off", "Service Unavailable", 503, "No dossier signing key is configured"
                        + " (openipm.dossier.signing-key-location)")));
    }

    /** The public keys that verify dossiers, as a JWK set (RFC 7517). */
    public Map<String, Object> keySet() {
        return Map.of("keys", key.map(k -> List.of(k.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)))
                .orElse(List.of()));
    }

    private static RsaJsonWebKey load(String location) {
        try {
            String pem = read(location);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey privateKey)) {
                throw new IllegalStateException("The dossier signing key " + location + " lacks its public part");
            }
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(),
                    privateKey.getPublicExponent()));
            if (publicKey.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("The dossier signing key " + location + " is shorter than 2048 bits");
            }
            RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
            jwk.setPrivateKey(privateKey);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            return jwk;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The dossier signing key " + location + " is not an RSA private key in "
                    + "PKCS#8 PEM", e);
        }
    }

    private static String read(String location) {
        try {
            Path file = Path.of(location);
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            try (InputStream resource = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
                if (resource == null) {
                    throw new IllegalStateException("No dossier signing key at " + location);
                }
                return new String(resource.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the dossier signing key " + location + " failed", e);
        }
    }
}
