package org.openipm.product.domain;

/** Whom an officer calls about a brand; {@code country}: ISO 3166-1 alpha-2, or "*" for every country. */
public record Contact(String country, String language, String role, String name, String email, String phone,
        String hours, boolean urgent) {
}
