package org.openipm.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Verifies each distinct token once per key generation. A scanning officer sends the same token with every
 * request; parsing and verifying its signature again each time was the largest share of a lookup's cost.
 *
 * <p>A cached principal is only returned for the byte-identical token string that was verified, never once the
 * token has expired, and only while the keys it was verified with are current: every
 * {@link SecuritySettings#keyRefreshInterval()} a fresh smallrye-jwt verifier replaces the old one (so a JWKS is
 * fetched anew, and a PEM file read again) and verifications made with the old keys no longer count. A token
 * signed by a key the identity provider has withdrawn is therefore refused after the next refresh.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CachingJwtCallerPrincipalFactory extends JWTCallerPrincipalFactory {

    private final Supplier<JWTCallerPrincipalFactory> newVerifier;
    private final int maxTokens;
    private final long refreshMillis;
    private final Clock clock;
    private final AtomicReference<KeyGeneration> current;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public CachingJwtCallerPrincipalFactory(SecuritySettings settings) {
        this(DefaultJWTCallerPrincipalFactory::new, settings.verifiedTokens(), settings.keyRefreshInterval(),
                Clock.systemUTC());
    }

    CachingJwtCallerPrincipalFactory(Supplier<JWTCallerPrincipalFactory> newVerifier, int maxTokens,
            Duration keyRefreshInterval, Clock clock) {
        this.newVerifier = newVerifier;
        this.maxTokens = maxTokens;
        this.refreshMillis = keyRefreshInterval.toMillis();
        this.clock = clock;
        this.current = new AtomicReference<>(new KeyGeneration(0, newVerifier.get(), clock.millis()));
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        KeyGeneration generation = currentGeneration();
        Verified known = verified.get(token);
        if (known != null && known.generation() == generation.number()
                && known.principal().getExpirationTime() > clock.millis() / 1000) {
            return known.principal();
        }
        JWTCallerPrincipal principal = generation.verifier().parse(token, authContextInfo);
        if (verified.size() >= maxTokens) {
            // Crude but bounded: tokens are short-lived, so a full cache mostly holds expired ones.
            verified.clear();
        }
        verified.put(token, new Verified(principal, generation.number()));
        return principal;
    }

    private KeyGeneration currentGeneration() {
        KeyGeneration generation = current.get();
        long now = clock.millis();
        if (now - generation.startedAt() < refreshMillis) {
            return generation;
        }
        KeyGeneration next = new KeyGeneration(generation.number() + 1, newVerifier.get(), now);
        if (current.compareAndSet(generation, next)) {
            verified.clear();
            return next;
        }
        return current.get();
    }

    /** One set of verification keys: the verifier loads them on first use and keeps them. */
    private record KeyGeneration(long number, JWTCallerPrincipalFactory verifier, long startedAt) {
    }

    private record Verified(JWTCallerPrincipal principal, long generation) {
    }
}
