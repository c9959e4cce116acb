package org.openipm.lookup.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openipm.codes.Gtin;
import org.openipm.events.product.ProductSnapshot;

/**
 * Applies product snapshots to the read model, a whole poll at a time. Snapshots are full states, so applying the
 * newest one per product is all it takes, and ends exactly where applying them one by one would; versions make a
 * replay, a redelivery or a late older snapshot change nothing.
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
    public boolean apply(ProductSnapshot snapshot) {
        return applyAll(List.of(snapshot)) == 1;
    }

    /** Applies the snapshots (in the order received); returns how many products changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int applyAll(List<ProductSnapshot> snapshots) {
        List<ProductSnapshot> newest = NewestSnapshots.of(snapshots);
        if (newest.isEmpty()) {
            return 0;
        }
        Set<UUID> claimed = readModel.claimVersions(newest.stream().map(ProductSnapshot::productId).toList(),
                newest.stream().map(ProductSnapshot::version).toList(),
                newest.stream().map(ProductSnapshot::status).toList());
        List<ProductSnapshot> applied = newest.stream().filter(s -> claimed.contains(s.productId())).toList();
        if (applied.isEmpty()) {
            return 0;
        }
        Map<UUID, Codes> codes = new LinkedHashMap<>();
        applied.forEach(s -> codes.put(s.productId(), Codes.of(s)));
        Set<String> changedBrands = upsertBrands(applied);
        List<UUID> appliedIds = applied.stream().map(ProductSnapshot::productId).toList();
        Set<UUID> hadPatterns = readModel.removeCodes(appliedIds);
        List<ProductSnapshot> published = applied.stream().filter(s -> PUBLISHED.equals(s.status())).toList();
        // DRAFT and RETIRED: officers must not find it any more.
        List<UUID> withdrawn = applied.stream().filter(s -> !PUBLISHED.equals(s.status()))
                .map(ProductSnapshot::productId).toList();
        if (!withdrawn.isEmpty()) {
            readModel.removeProducts(withdrawn);
        }
        if (!published.isEmpty()) {
            readModel.upsertProducts(published.stream().map(this::row).toList());
            insertCodes(published, codes);
        }
        // Heard by every instance once this transaction commits (see ReadModelListener).
        readModel.announce(applied.stream().map(s -> notice(s, codes.get(s.productId()),
                changedBrands.contains(s.brandId()) || hadPatterns.contains(s.productId()))).toList());
        return applied.size();
    }

    /**
     * The GTINs and TAC flag name the answers that may now find the product (answers that showed it are found by
     * its id); code references changed if its brand changed or it had or now has proprietary patterns.
     */
    private static ReadModelNotice notice(ProductSnapshot s, Codes codes, boolean brandChangedOrHadPatterns) {
        boolean hasPatterns = PUBLISHED.equals(s.status()) && !codes.patterns().isEmpty();
        return new ReadModelNotice(s.productId(), codes.gtins14(), !codes.tacRanges().isEmpty(),
                brandChangedOrHadPatterns || hasPatterns, false);
    }

    /** A brand as the last applied snapshot that names it describes it. */
    private Set<String> upsertBrands(List<ProductSnapshot> applied) {
        Map<String, ProductSnapshot> lastPerBrand = new LinkedHashMap<>();
        applied.forEach(s -> lastPerBrand.put(s.brandId(), s));
        List<ProductSnapshot> brands = List.copyOf(lastPerBrand.values());
        return readModel.upsertBrands(brands.stream().map(ProductSnapshot::brandId).toList(),
                brands.stream().map(s -> text(s.brandName())).toList(),
                brands.stream().map(s -> write(s.brandCompanyPrefixes() == null ? List.of()
                        : s.brandCompanyPrefixes())).toList());
    }

    private ReadModelRepository.ProductRow row(ProductSnapshot s) {
        return new ReadModelRepository.ProductRow(s.productId(), s.brandId(), text(s.brandName()), text(s.name()),
                text(s.category()), text(s.description()), s.version(), write(ProductCard.of(s)),
                write(s.contacts() == null ? List.of() : s.contacts()), write(s));
    }

    private void insertCodes(List<ProductSnapshot> published, Map<UUID, Codes> codes) {
        List<String> gtins = new ArrayList<>();
        List<UUID> gtinProducts = new ArrayList<>();
        List<String> gtinBrands = new ArrayList<>();
        List<Boolean> gtinVerified = new ArrayList<>();
        List<UUID> tacProducts = new ArrayList<>();
        List<Long> firstTacs = new ArrayList<>();
        List<Long> lastTacs = new ArrayList<>();
        List<UUID> patternProducts = new ArrayList<>();
        List<String> patternIds = new ArrayList<>();
        List<String> regexes = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (ProductSnapshot s : published) {
            Codes its = codes.get(s.productId());
            for (String gtin : its.gtins14()) {
                gtins.add(gtin);
                gtinProducts.add(s.productId());
                gtinBrands.add(s.brandId());
                gtinVerified.add(its.verifiedGtins14().contains(gtin));
            }
            for (long[] range : its.tacRanges()) {
                tacProducts.add(s.productId());
                firstTacs.add(range[0]);
                lastTacs.add(range[1]);
            }
            for (ProductSnapshot.CodePattern pattern : its.patterns()) {
                patternProducts.add(s.productId());
                patternIds.add(pattern.patternId());
                regexes.add(pattern.regex());
                descriptions.add(text(pattern.description()));
            }
        }
        if (!gtins.isEmpty()) {
            readModel.insertGtins(gtins, gtinProducts, gtinBrands, gtinVerified);
        }
        if (!tacProducts.isEmpty()) {
            readModel.insertTacRanges(tacProducts, firstTacs, lastTacs);
        }
        if (!patternProducts.isEmpty()) {
            readModel.insertPatterns(patternProducts, patternIds, regexes, descriptions);
        }
    }

    /** What identifies a product, as the read model stores it (each read once from its snapshot). */
    private record Codes(List<String> gtins14, Set<String> verifiedGtins14, List<long[]> tacRanges,
            List<ProductSnapshot.CodePattern> patterns) {

        /** An older snapshot without verifiedGtins verifies none of its GTINs. */
        static Codes of(ProductSnapshot s) {
            return new Codes(ReadModelService.gtins14(s.gtins()), Set.copyOf(ReadModelService.gtins14(s.verifiedGtins())),
                    ReadModelService.tacRanges(s.tacRanges()), s.codePatterns() == null ? List.of() : s.codePatterns());
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
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
