package org.openipm.platform.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the verified token: the role decides what may be done, {@code org} whose data it may
 * touch. Resources ask this bean instead of reading claims, so the claim names live in one place.
 */
@RequestScoped
public class Caller {

    static final String ORG_CLAIM = "org";
    static final String COUNTRY_CLAIM = "country";
    /**
     * The type of an officer's authority (CUSTOMS, POLICE, HEALTH_REGULATOR, TAX, MARKET_SURVEILLANCE, OTHER), as the
     * identity provider knows it: lets a service target officers by agency without asking messaging-service.
     */
    static final String AUTHORITY_TYPE_CLAIM = "authority_type";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        return token.getName();
    }

    public Optional<String> org() {
        return Optional.ofNullable(token.<Object>getClaim(ORG_CLAIM)).map(Object::toString);
    }

    public Optional<String> country() {
        return Optional.ofNullable(token.<Object>getClaim(COUNTRY_CLAIM)).map(Object::toString);
    }

    /** The officer's authority type, when the identity provider puts it in the token. */
    public Optional<String> authorityType() {
        return Optional.ofNullable(token.<Object>getClaim(AUTHORITY_TYPE_CLAIM)).map(Object::toString);
    }

    public boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    /** True when the caller is a brand user of exactly this brand. */
    public boolean actsFor(String brandId) {
        return is(Roles.BRAND) && org().filter(brandId::equals).isPresent();
    }
}
