package org.openipm.lookup.scan;

import java.util.List;
import java.util.Optional;

/** Tells the officer which products were found only through a GTIN their brand is not known to own. */
final class UnverifiedMatches {

    private UnverifiedMatches() {
    }

    static Optional<Warning> warning(String gtin, List<ProductMatch> shown) {
        List<String> brands = shown.stream().filter(m -> !m.verified()).map(ProductMatch::brandId).distinct()
                .sorted().toList();
        if (brands.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Warning(Warning.UNVERIFIED_GTIN, "GTIN " + gtin + " is listed by "
                + String.join(", ", brands) + " but not verified as theirs (outside the GS1 company prefixes an "
                + "administrator granted them): the product shown may not be what this code designates", brands));
    }
}
