package org.openipm.messaging.authority;

import java.time.Instant;
import java.util.List;

/** An authority as the directory shows it to administrators and officers. */
public record AuthorityView(String id, String name, String country, AuthorityType type, List<Office> offices,
        List<String> languages, List<ContactPoint> contacts, Instant createdAt, Instant updatedAt) {

    static AuthorityView of(Authority a) {
        return new AuthorityView(a.id, a.name, a.country, a.type, List.copyOf(a.offices), List.copyOf(a.languages),
                List.copyOf(a.contacts), a.createdAt, a.updatedAt);
    }
}
