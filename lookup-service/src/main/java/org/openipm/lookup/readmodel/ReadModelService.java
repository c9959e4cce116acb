package org.openipm.lookup.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.openipm.codes.Gtin;
import org.openipm.events.product.ProductSnapshot;

/**
 * Applies one product snapshot to the read model. Snapshots are full states, so applying the newest one is all
 * it takes; versions make a replay, a redelivery or a late older snapshot change nothing.
 */
@ApplicationScoped
public class ReadModelService {

    static final String PUBLISHED = "PUBLISHED";

    private final ReadModelRepository readModel;
    private final ObjectMapper json;

    public ReadModelService(ReadModelRepository readModel, ObjectMapper json) {
        this.readModel = readModel;
        this.json = json;
    }

    /** Returns false when the snapshot was stale (an equal or newer version is already applied). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(ProductSnapshot s) {
        if (!readModel.claimVersion(s.productId(), s.version(), s.status())) {
            return false;
        }
        boolean brandChanged = readModel.upsertBrand(s.brandId(), s.brandName(),
                write(s.brandCompanyPrefixes() == null ? List.of() : s.brandCompanyPrefixes()));
        boolean patternsChanged;
        List<String> gtins = gtins14(s.gtins());
        List<long[]> tacRanges = tacRanges(s.tacRanges());
        if (PUBLISHED.equals(s.status())) {
            readModel.upsert(s, write(ProductCard.of(s)), write(s.contacts() == null ? List.of() : s.contacts()),
                    write(s));
            readModel.replaceGtins(s.productId(), s.brandId(), gtins);
            readModel.replaceTacRanges(s.productId(), tacRanges);
            patternsChanged = readModel.replacePatterns(s.productId(),
                    s.codePatterns() == null ? List.of() : s.codePatterns());
        } else {
            // DRAFT and RETIRED: officers must not find it any more.
            patternsChanged = readModel.remove(s.productId());
        }
        // Heard by every instance once this transaction commits (see ReadModelListener). The GTINs and TAC flag name
        // the entries that may now find this product; entries that showed it are found by its id.
        readModel.announce(new ReadModelNotice(s.productId(), gtins, !tacRanges.isEmpty(),
                brandChanged || patternsChanged, false));
        return true;
    }

    private static List<String> gtins14(List<String> gtins) {
        List<String> normalised = new ArrayList<>();
        for (String gtin : gtins == null ? List.<String>of() : gtins) {
            // The catalogue validated them; one it should not have accepted is skipped, not fatal to the product.
            if (gtin != null && Gtin.validationProblem(gtin).isEmpty()) {
                normalised.add(Gtin.normaliseTo14(gtin));
            }
        }
        return normalised;
    }

    private static List<long[]> tacRanges(List<ProductSnapshot.TacRange> ranges) {
        List<long[]> parsed = new ArrayList<>();
        for (ProductSnapshot.TacRange r : ranges == null ? List.<ProductSnapshot.TacRange>of() : ranges) {
            if (isTac(r.firstTac()) && isTac(r.lastTac())) {
                long first = Long.parseLong(r.firstTac());
                long last = Long.parseLong(r.lastTac());
                parsed.add(new long[] { Math.min(first, last), Math.max(first, last) });
            }
        }
        return parsed;
    }

    private static boolean isTac(String tac) {
        return tac != null && tac.length() == 8 && tac.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the read model's JSON", e);
        }
    }
}
