package org.openipm.platform.security;

/** The roles an OIDC provider puts in a token's {@code groups} claim. */
public final class Roles {
    public static final String OFFICER = "officer";
    public static final String BRAND = "brand";
    public static final String CUSTOMS_SYSTEM = "customs-system";
    public static final String SSP = "ssp";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
