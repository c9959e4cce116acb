package org.openipm.messaging.seizure.intake;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.KeyLocationResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;
import org.openipm.platform.security.Roles;

/**
 * Proves who wrote a record onto {@code seizure-reported}. Kafka does not tell a consumer who produced a record, so
 * a customs system writing the topic directly puts its bearer token in the header {@link #HEADER}: the same token
 * (role {@code customs-system}, {@code org} = its authority) it would send to {@code POST /api/v1/seizures}. It is
 * verified with the service's own token settings ({@code mp.jwt.verify.*}: key, issuer, audience, algorithm, clock
 * skew), by smallrye-jwt's key resolver, at the record's timestamp rather than now, so a record that waited in the
 * topic (a consumer outage, a re-drive) is judged by when it was written. The authority is the token's {@code org}.
 * <p>
 * A token's signature is checked once; the instant is checked for every record that carries it.
 */
@ApplicationScoped
public class ProducerTokens {

    /** The record header carrying the producer's bearer token (the token alone, without "Bearer "). */
    public static final String HEADER = "openipm-producer-token";
    private static final int REMEMBERED_TOKENS = 1_000;

    private final JWTAuthContextInfo settings;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private volatile VerificationKeyResolver keys;

    public ProducerTokens(JWTAuthContextInfo settings) {
        this.settings = settings;
    }

    /** The authority the token proves for a record written at {@code writtenAt}; or why it proves nothing. */
    public String authorityOf(String token, Instant writtenAt) {
        Verified known = verified.get(token);
        if (known == null) {
            known = verify(token, writtenAt);
            if (verified.size() >= REMEMBERED_TOKENS) {
                verified.clear(); // tokens are short-lived: a full memory holds mostly expired ones
            }
            verified.put(token, known);
        }
        known.checkValidAt(writtenAt.getEpochSecond(), settings.getClockSkew());
        return known.org();
    }

    private Verified verify(String token, Instant writtenAt) {
        JwtClaims claims;
        try {
            claims = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(keys())
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            settings.getSignatureAlgorithm().stream().map(a -> a.getAlgorithm())
                                    .toArray(String[]::new))
                    .setExpectedIssuer(settings.getIssuedBy())
                    .setExpectedAudience(settings.getExpectedAudience().toArray(String[]::new))
                    .setRequireExpirationTime()
                    .setEvaluationTime(NumericDate.fromMilliseconds(writtenAt.toEpochMilli()))
                    .setAllowedClockSkewInSeconds(settings.getClockSkew())
                    .build().processToClaims(token);
        } catch (InvalidJwtException e) {
            if (e.hasExpired()) {
                throw new UnverifiableRecordException("the producer token had expired when the record was written");
            }
            // The details name what failed (signature, issuer, audience) without repeating the token's claims.
            throw new UnverifiableRecordException("the producer token is not valid: " + (e.getErrorDetails().isEmpty()
                    ? "it does not read as a signed JWT" : String.join("; ", e.getErrorDetails().stream()
                            .map(error -> error.getErrorMessage()).toList())));
        }
        try {
            List<String> groups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
            if (!groups.contains(Roles.CUSTOMS_SYSTEM)) {
                throw new UnverifiableRecordException("the producer token's role is not " + Roles.CUSTOMS_SYSTEM);
            }
            String org = claims.getStringClaimValue("org");
            if (org == null || org.isBlank()) {
                throw new UnverifiableRecordException("the producer token names no authority (claim org)");
            }
            return new Verified(org, claims.getExpirationTime().getValue(),
                    claims.getNotBefore() == null ? null : claims.getNotBefore().getValue());
        } catch (MalformedClaimException e) {
            throw new UnverifiableRecordException("the producer token has a malformed claim: " + e.getMessage());
        }
    }

    private VerificationKeyResolver keys() {
        VerificationKeyResolver resolver = keys;
        if (resolver == null) {
            try {
                resolver = new KeyLocationResolver(settings);
            } catch (UnresolvableKeyException e) {
                throw new IllegalStateException("The token verification key cannot be loaded", e);
            }
            keys = resolver;
        }
        return resolver;
    }

    /** A token whose signature, issuer, audience and role were verified; when it is valid is checked per record. */
    private record Verified(String org, long expiresAt, Long notBefore) {

        void checkValidAt(long second, int skew) {
            if (second >= expiresAt + skew) {
                throw new UnverifiableRecordException("the producer token had expired when the record was written");
            }
            if (notBefore != null && second < notBefore - skew) {
                throw new UnverifiableRecordException("the producer token was not yet valid when the record was "
                        + "written");
            }
        }
    }
}
