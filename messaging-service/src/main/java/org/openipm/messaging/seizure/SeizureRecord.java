package org.openipm.messaging.seizure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One seizure as a customs system posts it (and as it writes it onto {@code seizure-reported}, less the authority):
 * every field is checked by {@link SeizureRules}, per record, so one bad record never refuses the others.
 * {@code openCase: true} asks for a case to be opened for the seizure (only without {@code caseId}).
 */
public record SeizureRecord(
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
        Boolean openCase) {

    public record Goods(List<String> codes, String description, Double quantity, String unit) {
    }

    public record Party(String name, String country, String url) {
    }
}
