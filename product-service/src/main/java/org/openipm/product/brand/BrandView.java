package org.openipm.product.brand;

import java.time.Instant;
import java.util.List;
import org.openipm.product.domain.BrandDetails;
import org.openipm.product.domain.Contact;

public record BrandView(String id, String name, List<String> companyPrefixes, List<String> countries,
        List<Contact> contacts, long version, Instant createdAt, Instant updatedAt) {

    static BrandView of(BrandDetails brand) {
        return new BrandView(brand.id(), brand.name(), brand.companyPrefixes(), brand.countries(), brand.contacts(),
                brand.version(), brand.createdAt(), brand.updatedAt());
    }
}
