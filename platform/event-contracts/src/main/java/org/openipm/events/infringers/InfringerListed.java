package org.openipm.events.infringers;

import java.time.Instant;
import java.util.UUID;

/**
 * A brand listed a known infringer, or changed an entry of its list: the entry as it now stands, on
 * {@code brand-infringers}, keyed by entry id (compacted: the last record of an entry is the entry).
 *
 * @param entryId the entry's id, also the record key
 * @param brandId the brand whose list holds the entry; only this brand and officers ever see a match of it
 * @param kind SELLER_URL, SELLER_DOMAIN, CONSIGNOR_NAME or CONSIGNOR_ADDRESS
 * @param value the URL, domain, name or address as the brand wrote it (consumers normalise it themselves)
 * @param country where the infringer is based, ISO 3166-1 alpha-2, when known (shown, never matched)
 * @param evidence what the brand knows of the infringer (test purchases, decisions, takedowns)
 * @param version the entry's version, 1 when listed, one more per change
 * @param listedAt when this version was written
 */
public record InfringerListed(
        UUID entryId,
        String brandId,
        String kind,
        String value,
        String country,
        String evidence,
        long version,
        Instant listedAt) {
}
