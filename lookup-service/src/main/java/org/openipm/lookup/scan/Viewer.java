package org.openipm.lookup.scan;

/**
 * Who looks, as the access log records it. {@code country} null means every contact is shown (an admin without a
 * country); an officer without a country claim sees only the contacts valid everywhere.
 */
public record Viewer(String subject, String authority, String country, boolean seesAllContacts) {
}
