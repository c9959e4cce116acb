package org.openipm.lookup.answers;

import java.util.UUID;

/**
 * One product shown and one way it was matched (GTIN, TAC_RANGE, PROPRIETARY_PATTERN), with its precomputed card
 * and the contacts the officer may see. {@code verified} is false only for a GTIN the brand is not known to own
 * (TAC ranges and proprietary patterns carry no such check yet).
 */
public record MatchRow(UUID productId, String brandId, String matchedBy, String cardJson, String contactsJson,
        boolean verified) {
}
