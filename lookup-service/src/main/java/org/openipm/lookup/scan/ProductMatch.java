package org.openipm.lookup.scan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.UUID;

/**
 * One product a code designates and how: {@code matchedBy} holds GTIN, TAC_RANGE and/or PROPRIETARY_PATTERN.
 * {@code verified} is false when the product was found only through a GTIN its brand is not known to own (outside
 * the GS1 company prefixes an administrator granted it): the card is shown, flagged, and the view is not logged as
 * that brand's.
 * {@code product} and {@code contacts} are written as stored (see ProductCard), not rebuilt per request.
 */
public record ProductMatch(
        UUID productId,
        String brandId,
        List<String> matchedBy,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> matchedPatternIds,
        boolean verified,
        @JsonRawValue String product,
        @JsonRawValue String contacts) {
}
