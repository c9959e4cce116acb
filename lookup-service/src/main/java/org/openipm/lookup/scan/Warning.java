package org.openipm.lookup.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A red flag about the scanned code itself, independent of whether a product was found. */
public record Warning(String code, String message, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> brandIds) {

    public static final String WRONG_CHECK_DIGIT = "WRONG_CHECK_DIGIT";
    public static final String SUSPICIOUS_UNKNOWN_GTIN = "SUSPICIOUS_UNKNOWN_GTIN";
    public static final String GTIN_CLAIMED_BY_SEVERAL_BRANDS = "GTIN_CLAIMED_BY_SEVERAL_BRANDS";
    public static final String UNVERIFIED_GTIN = "UNVERIFIED_GTIN";
}
