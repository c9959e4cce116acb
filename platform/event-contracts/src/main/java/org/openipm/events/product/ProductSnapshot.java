package org.openipm.events.product;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The whole product as the catalogue holds it after one committed change. Every product event carries one, so a
 * consumer can rebuild its view from the compacted {@code product-events} topic alone; {@code version} lets it
 * drop a stale or repeated snapshot.
 * <p>
 * {@code verifiedGtins} names the GTINs of {@code gtins} the brand is known to own: inside a GS1 company prefix
 * an administrator granted it, or licensed to it one by one. Only those make the brand the owner of a scan; the
 * others are shown as unverified claims. Snapshots written before the field existed lack it: a missing or null
 * list means no GTIN is verified.
 */
public record ProductSnapshot(
        UUID productId,
        String brandId,
        String brandName,
        List<String> brandCompanyPrefixes,
        String sku,
        String name,
        String category,
        String description,
        String status,
        long version,
        List<String> gtins,
        List<TacRange> tacRanges,
        List<CodePattern> codePatterns,
        List<Feature> features,
        List<TradePartner> tradePartners,
        List<Contact> contacts,
        List<String> imageIds,
        Instant changedAt,
        List<String> verifiedGtins) {

    /** Whether the snapshot says the brand owns this GTIN-14 (never for an older snapshot without the list). */
    public boolean verifies(String gtin14) {
        return verifiedGtins != null && verifiedGtins.contains(gtin14);
    }

    /** IMEI type allocation codes, first to last inclusive, 8 digits each. */
    public record TacRange(String firstTac, String lastTac) {
    }

    /** A brand's proprietary code shape, as a bounded regular expression the catalogue accepted as safe. */
    public record CodePattern(String patternId, String regex, String description) {
    }

    /** kind: GENUINE or SECURITY; visibility: OVERT or COVERT (covert ones are shown to officers only). */
    public record Feature(String kind, String title, String description, String location, String howFakesDiffer,
            String visibility) {
    }

    /** role: MANUFACTURER, EXPORTER, IMPORTER, DISTRIBUTOR or KNOWN_INFRINGER. */
    public record TradePartner(String role, String name, String country) {
    }

    /** country: ISO 3166-1 alpha-2 or "*" for every country. */
    public record Contact(String country, String language, String role, String name, String email, String phone,
            String hours, boolean urgent) {
    }
}
