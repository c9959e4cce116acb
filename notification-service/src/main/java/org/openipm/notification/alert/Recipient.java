package org.openipm.notification.alert;

import java.util.Objects;

/**
 * Who receives an alert: a brand or an enforcement authority, as named in tokens' {@code org} claim, or an
 * audience: every authority of one type in one country (id {@code FR/CUSTOMS}), which brands' alerts to officers
 * address without knowing the authorities themselves.
 */
public record Recipient(Kind kind, String id) {

    public enum Kind {
        BRAND, AUTHORITY, AUDIENCE
    }

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A recipient has an id");
        }
    }

    public static Recipient brand(String id) {
        return new Recipient(Kind.BRAND, id);
    }

    public static Recipient authority(String id) {
        return new Recipient(Kind.AUTHORITY, id);
    }

    public static Recipient audience(String country, AuthorityType type) {
        return new Recipient(Kind.AUDIENCE, country + "/" + type.name());
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
