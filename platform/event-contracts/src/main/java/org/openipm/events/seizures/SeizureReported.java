package org.openipm.events.seizures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A seizure as a customs system reports it, on {@code seizure-reported}, keyed by {@code authority/externalId}.
 * Written by messaging-service for seizures posted over HTTP, and straight onto the topic by customs systems that
 * prefer Kafka; the matcher reads both the same way.
 *
 * @param authority the reporting authority (the directory id a customs system's token carries in {@code org})
 * @param externalId the authority's own id of the seizure; with the authority, the seizure's identity
 * @param seizedOn the day of the seizure
 * @param country where it happened, ISO 3166-1 alpha-2
 * @param office the customs office (e.g. a UN/LOCODE)
 * @param transportMode SEA, AIR, ROAD, RAIL, POSTAL or EXPRESS
 * @param goods what was seized, codes exactly as scanned
 * @param estimatedValue the estimated value of the goods, in {@code currency}
 * @param currency ISO 4217 code of the value
 * @param consignor the consignor or online seller, when known
 * @param caseId the case the seizure belongs to, when there is one
 * @param operationId the joint operation it was made in, when there is one
 * @param reportedAt when OpenIPM took the report
 * @param openCase true when the authority asks for a case to be opened for the seizure (when it names none)
 */
public record SeizureReported(
        String authority,
        String externalId,
        LocalDate seizedOn,
        String country,
        String office,
        String transportMode,
        List<Goods> goods,
        Double estimatedValue,
        String currency,
        Party consignor,
        UUID caseId,
        UUID operationId,
        Instant reportedAt,
        Boolean openCase) {

    /** The record's key on the topic: one partition per seizure identity, so its versions stay in order. */
    public static String keyOf(String authority, String externalId) {
        return authority + "/" + externalId;
    }

    /**
     * @param codes codes exactly as scanned (Digital Link, element strings, bare GTINs)
     * @param description what the goods are
     * @param quantity how many
     * @param unit of the quantity (pieces, kg, pairs, ...)
     */
    public record Goods(List<String> codes, String description, double quantity, String unit) {
    }

    /**
     * @param name the consignor's or seller's name
     * @param country ISO 3166-1 alpha-2
     * @param url the online seller's page or shop
     */
    public record Party(String name, String country, String url) {
    }
}
