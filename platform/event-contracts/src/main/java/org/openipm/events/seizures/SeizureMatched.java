package org.openipm.events.seizures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A reported seizure was matched to the brands whose goods it holds, on {@code seizure-matched}, keyed by seizure
 * id. Published once per version of a seizure (an amendment is matched again and published again with the same
 * seizure id and its new {@code contentSha256}); a redelivered report publishes nothing.
 *
 * @param seizureId OpenIPM's id of the seizure (the record key)
 * @param authority the reporting authority
 * @param externalId the authority's own id of the seizure
 * @param contentSha256 the version of the report matched (SHA-256 of its content)
 * @param seizedOn the day of the seizure
 * @param country where it was seized, ISO 3166-1 alpha-2
 * @param office the customs office
 * @param transportMode SEA, AIR, ROAD, RAIL, POSTAL or EXPRESS
 * @param originCountry the consignor's country, when known
 * @param caseId the case the seizure is attached to, when there is one
 * @param caseOpened true when the case was opened for this seizure
 * @param brands each brand whose verified GTIN was seized, with its share of the goods
 * @param quantities all goods of the seizure, summed per unit
 * @param values the seizure's estimated value, per currency (empty when none was given)
 * @param matchedAt when it was matched
 */
public record SeizureMatched(
        UUID seizureId,
        String authority,
        String externalId,
        String contentSha256,
        LocalDate seizedOn,
        String country,
        String office,
        String transportMode,
        String originCountry,
        UUID caseId,
        boolean caseOpened,
        List<Brand> brands,
        List<Quantity> quantities,
        List<Amount> values,
        Instant matchedAt) {

    /**
     * @param brandId the brand (its ownership of a seized GTIN is verified)
     * @param productIds its products seized, sorted
     * @param quantities its goods only, summed per unit
     * @param values its goods' share of the seizure's estimated value, per currency
     */
    public record Brand(String brandId, List<UUID> productIds, List<Quantity> quantities, List<Amount> values) {
    }

    /** A quantity in one unit (pieces, kg, pairs, ...); quantities of different units are never added. */
    public record Quantity(String unit, double quantity) {
    }

    /** An amount in one currency (ISO 4217); amounts of different currencies are never added. */
    public record Amount(String currency, double amount) {
    }
}
