package org.openipm.events.authentication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The normalised verdict of one authentication request: what the provider said, or {@code ERROR} when no valid
 * answer came, or OpenIPM's own {@code SUSPECT} when the code looks cloned. Carries what alerts need (product,
 * brand, authority, country) so that no consumer has to ask back.
 *
 * @param requestId the request, also the record key
 * @param verdict GENUINE, SUSPECT, COUNTERFEIT, UNKNOWN or ERROR
 * @param confidence 0 to 1 as the provider gave it; null when no provider answered
 * @param probableClone true when OpenIPM found earlier sightings that cannot all be true
 * @param reason why OpenIPM decided (no provider, timeout, bad signature, clone rule), or null
 * @param evidence the provider's evidence and OpenIPM's earlier sightings
 * @param providerId the provider asked, or null when none covers the product
 * @param providerReference the provider's own reference of its check, or null
 * @param providerLatencyMs how long the provider took (all attempts), or null when none was asked
 * @param productId the product, or null when unknown
 * @param brandId the brand, or null when unknown
 * @param gtin the GTIN the code carries, or null
 * @param serial the serial the code carries, or null
 * @param authority the officer's authority
 * @param country the authority's country
 * @param requestedAt when the officer asked
 * @param completedAt when the verdict was recorded
 */
public record AuthenticationCompleted(
        UUID requestId,
        String verdict,
        Double confidence,
        boolean probableClone,
        String reason,
        Evidence evidence,
        String providerId,
        String providerReference,
        Long providerLatencyMs,
        UUID productId,
        String brandId,
        String gtin,
        String serial,
        String authority,
        String country,
        Instant requestedAt,
        Instant completedAt) {

    /**
     * @param text the provider's sentence for the officer, or null
     * @param facts the provider's key/value facts
     * @param earlierSightings earlier GENUINE sightings of the same GTIN and serial, when they make this one suspect
     */
    public record Evidence(String text, List<Fact> facts, List<Sighting> earlierSightings) {
    }

    public record Fact(String name, String value) {
    }

    /** Where and when the same code was verified before. */
    public record Sighting(UUID requestId, String country, String office, Double latitude, Double longitude,
            Instant seenAt) {
    }
}
