package org.openipm.reference.codes;

/**
 * @param gtin GTIN-8, -12, -13 or -14 with a valid check digit
 * @param count how many codes, 1 to {@link CodeIssuingService#MAX_CODES_PER_REQUEST}
 * @param brandId the brand the codes are for: required from an administrator, a brand user's own brand otherwise
 */
public record IssueRequest(String gtin, Integer count, String brandId) {
}
