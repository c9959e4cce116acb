package org.openipm.notification.alert;

import java.util.Objects;

/** Who receives an alert: a brand or an enforcement authority, as named in tokens' {@code org} claim. */
public record Recipient(Kind kind, String id) {

    public enum Kind {
        BRAND, AUTHORITY
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

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
