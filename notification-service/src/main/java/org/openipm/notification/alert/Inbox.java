package org.openipm.notification.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whose alerts a caller reads: its own (the brand's, or its authority's), and for an officer the audiences its
 * authority belongs to. The audiences come from the token alone (country, and authority type when the identity
 * provider sets it), so no other service is asked: an officer whose token has no authority type hears every
 * type's alerts of its country; a type the platform does not know hears none.
 *
 * @param own the recipient the caller's read state is kept for
 */
public record Inbox(Recipient own, List<Recipient> audiences) {

    public Inbox {
        audiences = List.copyOf(audiences);
    }

    public static Inbox brand(String brandId) {
        return new Inbox(Recipient.brand(brandId), List.of());
    }

    public static Inbox officer(String authority, Optional<String> country, Optional<String> authorityType) {
        if (country.isEmpty()) {
            return new Inbox(Recipient.authority(authority), List.of());
        }
        List<AuthorityType> types = authorityType.isEmpty() ? List.of(AuthorityType.values())
                : Arrays.stream(AuthorityType.values())
                        .filter(type -> type.name().equals(authorityType.get().toUpperCase(Locale.ROOT))).toList();
        String upperCountry = country.get().toUpperCase(Locale.ROOT);
        return new Inbox(Recipient.authority(authority),
                types.stream().map(type -> Recipient.audience(upperCountry, type)).toList());
    }

    public boolean includes(Recipient recipient) {
        return own.equals(recipient) || audiences.contains(recipient);
    }

    String[] audienceIds() {
        return audiences.stream().map(Recipient::id).toArray(String[]::new);
    }
}
