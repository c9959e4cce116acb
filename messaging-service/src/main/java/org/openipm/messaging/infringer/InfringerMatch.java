package org.openipm.messaging.infringer;

import java.util.UUID;

/**
 * An entry of one brand's list that a consignor or seller matched, with the brand's evidence. Shown to officers and
 * to that brand only: never put one brand's match in front of another brand.
 */
public record InfringerMatch(UUID entryId, String brandId, String kind, String listed, String country,
        String evidence) {
}
