package org.openipm.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies each distinct token once. A scanning officer sends the same token with every request; parsing and
 * verifying its signature again each time was the largest share of a lookup's cost. A cached principal is only
 * ever returned for the byte-identical token string that was verified, and never after the token expires, so
 * the check stays as strict as the verifier's own.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CachingJwtCallerPrincipalFactory extends JWTCallerPrincipalFactory {

    static final int MAX_TOKENS = 10_000;

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final ConcurrentHashMap<String, JWTCallerPrincipal> verified = new ConcurrentHashMap<>();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal known = verified.get(token);
        long now = System.currentTimeMillis() / 1000;
        if (known != null && known.getExpirationTime() > now) {
            return known;
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        if (verified.size() >= MAX_TOKENS) {
            // Crude but bounded: tokens are short-lived, so a full cache mostly holds expired ones.
            verified.clear();
        }
        verified.put(token, principal);
        return principal;
    }
}
