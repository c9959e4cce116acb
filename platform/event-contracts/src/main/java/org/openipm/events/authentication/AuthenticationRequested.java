package org.openipm.events.authentication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An officer asked whether a mark is genuine; the connector workers take it from here. Carries what a provider
 * needs and nothing personal about the officer: the authority and its country only.
 *
 * @param requestId the request, also the record key
 * @param code the code exactly as scanned or typed
 * @param codeKind how the GS1 rules read it (code-engine's kind: GS1_DIGITAL_LINK, GTIN, IMEI, ...)
 * @param gtin the 14-digit GTIN the code carries, or null
 * @param serial the serial number (GS1 AI 21) the code carries, or null
 * @param elements the GS1 elements in the order scanned; empty for other codes
 * @param productId the product the officer named, or null
 * @param authority the officer's authority (token claim {@code org})
 * @param country the authority's country (token claim {@code country}, else the place's)
 * @param place where the goods are
 * @param requestedAt when the officer asked
 */
public record AuthenticationRequested(
        UUID requestId,
        String code,
        String codeKind,
        String gtin,
        String serial,
        List<Element> elements,
        UUID productId,
        String authority,
        String country,
        Place place,
        Instant requestedAt) {

    /** One GS1 element: application identifier and value. */
    public record Element(String ai, String value) {
    }

    /** ISO 3166-1 alpha-2 country, the office or port (optional) and WGS 84 coordinates (optional). */
    public record Place(String country, String office, Double latitude, Double longitude) {
    }
}
