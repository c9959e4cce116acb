package org.openipm.product.domain;

import java.util.List;

/**
 * What a product shows of its brand: the name, the GS1 company prefixes an administrator approved, the contacts.
 * A change of any of them is a change of every product that shows it (see BrandRepublisher).
 */
public record BrandFacts(String id, String name, List<String> companyPrefixes, List<Contact> contacts) {

    public BrandFacts {
        companyPrefixes = List.copyOf(companyPrefixes);
        contacts = List.copyOf(contacts);
    }
}
