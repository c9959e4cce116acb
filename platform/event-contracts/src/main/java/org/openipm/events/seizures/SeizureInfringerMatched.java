package org.openipm.events.seizures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The consignor or online seller of a seizure that joins no case matches entries of one brand's list of known
 * infringers, on {@code seizure-matched}, keyed by seizure id. One record per brand whose verified goods the seizure
 * holds (a brand whose list matched but whose goods were not seized is not told); it names only that brand's own
 * entries, never another brand's list nor the seizure's parties. A seizure that joins a case tells the case's brands
 * with {@code case.infringer-matched} instead. Published once per entry and seizure: an amendment tells only of
 * entries it newly matches.
 *
 * @param seizureId OpenIPM's id of the seizure (the record key, as on {@code SeizureMatched})
 * @param authority the reporting authority
 * @param country where it was seized, ISO 3166-1 alpha-2
 * @param seizedOn the day of the seizure
 * @param brandId the brand whose list matched
 * @param matches the brand's entries that matched
 * @param matchedAt when the match was found
 */
public record SeizureInfringerMatched(
        UUID seizureId,
        String authority,
        String country,
        LocalDate seizedOn,
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
