package org.openipm.events.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code case.infringer-matched}: the consignor or the online seller of a flagged shipment matches entries of one
 * brand's list of known infringers. One record per brand and case, keyed by case id; it names only that brand's
 * own entries (never another brand's list, never the shipment's parties).
 *
 * @param caseId the case, also the record key
 * @param brandId the brand whose list matched, a participant of the case
 * @param matches the brand's entries that matched
 * @param matchedAt when the match was found
 */
public record CaseInfringerMatched(
        UUID caseId,
        String brandId,
        List<Match> matches,
        Instant matchedAt) {

    /**
     * @param entryId the brand's list entry
     * @param kind SELLER_URL, SELLER_DOMAIN, CONSIGNOR_NAME or CONSIGNOR_ADDRESS
     * @param listed the entry's value as the brand listed it
     */
    public record Match(UUID entryId, String kind, String listed) {
    }
}
