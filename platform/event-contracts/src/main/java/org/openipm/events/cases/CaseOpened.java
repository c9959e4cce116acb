package org.openipm.events.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The first record of every case on {@code case-events}: who holds it, where, in which status it starts.
 *
 * @param caseId also the record key
 * @param status the case's first status (FLAGGED)
 * @param authority the flagging authority
 * @param country its country, ISO 3166-1 alpha-2
 * @param office the office where the goods are
 * @param transportMode SEA, AIR, ROAD, RAIL, POSTAL or EXPRESS
 * @param brandIds the brand participants, sorted
 * @param openedAt when the case was opened
 */
public record CaseOpened(
        UUID caseId,
        String status,
        String authority,
        String country,
        String office,
        String transportMode,
        List<String> brandIds,
        Instant openedAt) {
}
