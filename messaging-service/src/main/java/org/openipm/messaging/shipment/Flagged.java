package org.openipm.messaging.shipment;

import java.util.List;
import java.util.UUID;

/**
 * The answer to a flag: the case opened, the brands that became participants, the matches shown only as unverified
 * claims, the codes that matched nothing, and the cases of the same shipment elsewhere.
 */
public record Flagged(UUID caseId, String status, List<Brand> brands, List<Match> unverified, List<Unmatched> unmatched,
        List<LinkedCase> linkedCases) {

    public record Brand(String brandId, String brandName, List<UUID> productIds) {
    }

    /** A catalogue product carrying the code's GTIN whose brand's ownership of that GTIN is not verified. */
    public record Match(String code, String gtin, UUID productId, String productName, String brandId,
            String brandName) {
    }

    public record Unmatched(String code, UUID productId, String gtin, String reason) {
    }

    public record LinkedCase(UUID caseId, String authority, String country, String office, String identifierKind,
            String identifier) {
    }
}
