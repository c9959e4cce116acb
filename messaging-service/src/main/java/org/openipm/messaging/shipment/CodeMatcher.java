package org.openipm.messaging.shipment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.openipm.codes.CodeInterpreter;
import org.openipm.codes.Interpretation;
import org.openipm.messaging.cases.MatchOutcome;
import org.openipm.messaging.cases.ShipmentCase.SuspectedProduct;
import org.openipm.messaging.catalogue.CatalogueRepository.CatalogueEntry;

/**
 * From what the officer typed or scanned to the products it designates: codes are read by the same GS1 rules as the
 * lookup (every reading of the code is tried, most likely first), GTINs are matched in the catalogue copy, and each
 * match says whether it makes its brand a participant (verified) or is only shown to the officer (unverified).
 */
public final class CodeMatcher {

    private final CodeInterpreter interpreter = new CodeInterpreter();
    private final Function<String, List<CatalogueEntry>> byGtin;
    private final Function<UUID, Optional<CatalogueEntry>> byProduct;

    public CodeMatcher(Function<String, List<CatalogueEntry>> byGtin,
            Function<UUID, Optional<CatalogueEntry>> byProduct) {
        this.byGtin = byGtin;
        this.byProduct = byProduct;
    }

    /** One entry per product matched, or one UNMATCHED entry saying why. */
    public List<SuspectedProduct> match(String code, UUID productId) {
        if (productId != null) {
            return byProduct.apply(productId)
                    .map(entry -> List.of(suspected(code, productId, null, entry)))
                    .orElseGet(() -> List.of(unmatched(code, productId, null,
                            "no published product has this id")));
        }
        Interpretation reading = interpreter.interpret(code);
        String gtin = reading.readings().stream().filter(Interpretation::valid).map(Interpretation::gtin)
                .filter(g -> g != null).findFirst().orElse(null);
        if (gtin == null) {
            return List.of(unmatched(code, null, null, reasonWithoutGtin(reading)));
        }
        List<CatalogueEntry> entries = byGtin.apply(gtin);
        if (entries.isEmpty()) {
            return List.of(unmatched(code, null, gtin, "no published product carries GTIN " + gtin));
        }
        List<SuspectedProduct> matches = new ArrayList<>();
        for (CatalogueEntry entry : entries) {
            matches.add(suspected(code, null, gtin, entry));
        }
        return matches;
    }

    private static String reasonWithoutGtin(Interpretation reading) {
        if (!reading.problems().isEmpty()) {
            return "not a readable product code: " + reading.problems().get(0).message();
        }
        return "the code carries no GTIN (" + reading.kind() + ")";
    }

    private static SuspectedProduct suspected(String code, UUID productIdGiven, String gtin, CatalogueEntry entry) {
        return new SuspectedProduct(code, productIdGiven, gtin,
                entry.verified() ? MatchOutcome.VERIFIED : MatchOutcome.UNVERIFIED, entry.productId(),
                entry.productName(), entry.brandId(), entry.brandName(), null);
    }

    private static SuspectedProduct unmatched(String code, UUID productIdGiven, String gtin, String reason) {
        return new SuspectedProduct(code, productIdGiven, gtin, MatchOutcome.UNMATCHED, null, null, null, null,
                reason);
    }
}
