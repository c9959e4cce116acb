package org.openipm.launcher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./ipm token ROLE}: a JWT signed RS256 with the local key, accepted by the services started by
 * {@code ./ipm up} (same issuer, their public key). Built with the JDK only: the claims are few and flat, so a
 * JSON library would add more than it saves.
 */
public final class TokenCommand {

    public static final List<String> ROLES = List.of("officer", "brand", "customs-system", "ssp", "admin");
    public static final String KEY_ID = "ipm-local";
    static final int MAX_TTL_MINUTES = 7 * 24 * 60;

    /** What goes into one token; defaults applied by {@link #request}. */
    public record Request(String role, String subject, String org, String country, int ttlMinutes) {
    }

    private TokenCommand() {
    }

    /** Validates the arguments and fills in the defaults. */
    public static Request request(String role, String org, String country, String subject, String ttl) {
        if (role == null) {
            throw new UsageException("token needs a ROLE: one of " + String.join(", ", ROLES) + ".");
        }
        if (!ROLES.contains(role)) {
            throw new UsageException("Unknown role '" + role + "': use one of " + String.join(", ", ROLES) + ".");
        }
        String effectiveOrg = org != null ? org : defaultOrg(role);
        if (effectiveOrg.isBlank()) {
            throw new UsageException("--org must not be empty.");
        }
        String effectiveCountry = country != null ? country.toUpperCase(Locale.ROOT) : "FR";
        if (!effectiveCountry.matches("[A-Z]{2}")) {
            throw new UsageException("--country must be a two-letter ISO 3166 code such as FR, not '" + country + "'.");
        }
        String effectiveSubject = subject != null ? subject : "local-" + role;
        if (effectiveSubject.isBlank()) {
            throw new UsageException("--sub must not be empty.");
        }
        int minutes = 60;
        if (ttl != null) {
            try {
                minutes = Integer.parseInt(ttl);
            } catch (NumberFormatException e) {
                minutes = -1;
            }
            if (minutes < 1 || minutes > MAX_TTL_MINUTES) {
                throw new UsageException("--ttl must be a number of minutes from 1 to " + MAX_TTL_MINUTES
                        + ", not '" + ttl + "'.");
            }
        }
        return new Request(role, effectiveSubject, effectiveOrg, effectiveCountry, minutes);
    }

    /**
     * Brand, officer and SSP users always act for an organisation, and the services check it: each role gets a
     * plausible local one. The customs system is a customs authority's; an admin's org is not used for access.
     */
    static String defaultOrg(String role) {
        return switch (role) {
            case "brand" -> "acme";
            case "officer", "customs-system" -> "fr-customs";
            case "ssp" -> "local-ssp";
            default -> "local-org";
        };
    }

    public static String sign(Request request, LocalKeys keys, Instant now) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", KEY_ID);

        long iat = now.getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", Settings.ISSUER);
        claims.put("sub", request.subject());
        claims.put("upn", request.subject());
        claims.put("groups", List.of(request.role()));
        claims.put("org", request.org());
        claims.put("country", request.country());
        claims.put("iat", iat);
        claims.put("exp", iat + request.ttlMinutes() * 60L);
        claims.put("jti", UUID.randomUUID().toString());

        String signingInput = base64Url(json(header)) + "." + base64Url(json(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with the local key", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Minimal JSON for strings, numbers and lists of strings: all a token here holds. */
    static String json(Map<String, Object> object) {
        StringBuilder sb = new StringBuilder("{");
        object.forEach((key, value) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(quote(key)).append(':');
            if (value instanceof Number) {
                sb.append(value);
            } else if (value instanceof List<?> list) {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    sb.append(i > 0 ? "," : "").append(quote(String.valueOf(list.get(i))));
                }
                sb.append(']');
            } else {
                sb.append(quote(String.valueOf(value)));
            }
        });
        return sb.append('}').toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
