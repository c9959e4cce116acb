package org.openipm.product.domain;

import java.time.Instant;
import java.util.List;

/**
 * A right holder at one version, as the brand services return it: the REST answers are made from it, never from the
 * stored row. {@code companyPrefixes} are the ones an administrator approved.
 */
public record BrandDetails(String id, String name, List<String> companyPrefixes, List<String> countries,
        List<Contact> contacts, long version, Instant createdAt, Instant updatedAt) {

    public BrandDetails {
        companyPrefixes = List.copyOf(companyPrefixes);
        countries = List.copyOf(countries);
        contacts = List.copyOf(contacts);
    }
}
