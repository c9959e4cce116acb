package org.openipm.events.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An officer flagged a suspicious shipment and messaging-service opened a case for it. Names the brands that are
 * participants (their ownership of a scanned GTIN is verified, or the officer named their product), the countries
 * and the declared goods. Never carries the trader, consignee or consignor, nor the officer's notes.
 * <p>
 * A consumer that tells a brand about it shows that brand only the goods lines whose {@code brandIds} name it: the
 * other lines may be another brand's goods.
 *
 * @param caseId the case opened, also the record key
 * @param authority the flagging authority (the officer's {@code org})
 * @param country the flagging authority's country, ISO 3166-1 alpha-2
 * @param office the office of that authority where the goods are
 * @param transportMode SEA, AIR, ROAD, RAIL, POSTAL or EXPRESS
 * @param originCountry where the goods come from, or null when unknown
 * @param destinationCountry where they are declared to go, or null when unknown
 * @param brandIds every brand participant, sorted
 * @param goods the declared goods lines
 * @param flaggedAt when the case was opened
 */
public record ShipmentFlagged(
        UUID caseId,
        String authority,
        String country,
        String office,
        String transportMode,
        String originCountry,
        String destinationCountry,
        List<String> brandIds,
        List<GoodsLine> goods,
        Instant flaggedAt) {

    /**
     * @param line 1-based, as the officer listed them
     * @param quantity as declared, or null
     * @param unit of the quantity (pieces, kg, cartons), or null
     * @param brandIds the brand participants whose products this line holds
     */
    public record GoodsLine(int line, String description, Double quantity, String unit, List<String> brandIds) {
    }
}
