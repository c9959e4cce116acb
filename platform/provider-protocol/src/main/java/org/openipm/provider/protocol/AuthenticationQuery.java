package org.openipm.provider.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * OpenIPM to provider: judge this mark. No personal data of the officer: the authority and its country only.
 *
 * @param protocolVersion {@link #VERSION}
 * @param requestId the answer must repeat it; it makes a repeated query safe for the provider
 * @param code the code exactly as scanned
 * @param interpretation how the GS1 rules read the code
 * @param productId the OpenIPM product when the code designates one, else null
 * @param brandId the brand the product (or the code's verified owner) belongs to, else null
 * @param requester the officer's authority and its country
 * @param place where the goods are
 * @param requestedAt when the officer asked
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthenticationQuery(String protocolVersion, UUID requestId, String code, CodeReading interpretation,
        UUID productId, String brandId, Requester requester, Place place, Instant requestedAt) {

    public static final String VERSION = "1";

    /**
     * @param kind how the code was read: GS1_DIGITAL_LINK, GS1_ELEMENT_STRING, GTIN, IMEI, PROPRIETARY or UNKNOWN
     * @param gtin the 14-digit GTIN, when the code carries one
     * @param serial the serial number (GS1 AI 21, or the IMEI's serial part), when the code carries one
     * @param elements every GS1 element in the order scanned, empty for non-GS1 codes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodeReading(String kind, String gtin, String serial, List<Element> elements) {
    }

    /** One GS1 element: its application identifier and value, e.g. {@code 21} and {@code ABC123}. */
    public record Element(String ai, String value) {
    }

    /** @param authority the officer's authority id in OpenIPM; @param country its ISO 3166-1 alpha-2 country */
    public record Requester(String authority, String country) {
    }

    /**
     * @param country ISO 3166-1 alpha-2
     * @param office the customs office, port or airport (UN/LOCODE or the authority's own office code), or null
     * @param latitude WGS 84 degrees, or null
     * @param longitude WGS 84 degrees, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Place(String country, String office, Double latitude, Double longitude) {
    }
}
