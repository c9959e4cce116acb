package org.openipm.lookup.lookup;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.openipm.codes.Interpretation;
import org.openipm.codes.Problem;
import org.openipm.codes.ProblemCodes;
import org.openipm.lookup.LookupSettings;
import org.openipm.lookup.interpret.CodeInterpretation;
import org.openipm.lookup.interpret.InterpretationView;
import org.openipm.lookup.readmodel.CodeReferenceCache;
import org.openipm.lookup.views.ProductViews;

/**
 * From a scanned code to the genuine product(s): interpret (CPU only), one indexed query unless its answer is
 * already in memory ({@link MatchCache}), warnings from the in-memory company prefixes, and the access-log events
 * handed to a background publisher. An answer shows at most {@code max-products-per-answer} products, each brand's
 * first before any brand's second, and says when there are more.
 */
@ApplicationScoped
public class LookupService {

    private final CodeInterpretation interpretation;
    private final CodeReferenceCache references;
    private final LookupRepository repository;
    private final MatchCache cache;
    private final ProductViews views;
    private final int maxProducts;

    public LookupService(CodeInterpretation interpretation, CodeReferenceCache references,
            LookupRepository repository, MatchCache cache, ProductViews views, LookupSettings settings) {
        this.maxProducts = settings.maxProductsPerAnswer();
        this.interpretation = interpretation;
        this.references = references;
        this.repository = repository;
        this.cache = cache;
        this.views = views;
    }

    public LookupResult lookup(String code, Viewer viewer) {
        Interpretation interpreted = interpretation.interpret(code);
        Map<UUID, List<String>> byPattern = references.productsMatching(interpreted.matchedPatternIds());
        String contactsCountry = viewer.seesAllContacts() ? null : viewer.country() == null ? "" : viewer.country();
        LookupRepository.Matches matches = matches(interpreted, byPattern.keySet(), contactsCountry);
        List<LookupRepository.MatchRow> rows = matches.rows();

        Map<UUID, Matched> products = new LinkedHashMap<>();
        Set<String> brandsClaimingGtin = new TreeSet<>();
        for (LookupRepository.MatchRow row : rows) {
            Matched matched = products.computeIfAbsent(row.productId(), id -> new Matched(row));
            if (!matched.how.contains(row.matchedBy())) {
                matched.how.add(row.matchedBy());
            }
            matched.verified |= row.verified();
            if ("GTIN".equals(row.matchedBy())) {
                brandsClaimingGtin.add(row.brandId());
            }
        }
        List<ProductMatch> shown = products.values().stream()
                .map(m -> new ProductMatch(m.row.productId(), m.row.brandId(), List.copyOf(m.how),
                        byPattern.getOrDefault(m.row.productId(), List.of()), m.verified, m.row.cardJson(),
                        m.row.contactsJson()))
                .toList();
        views.shown(shown, viewer, code);
        List<Warning> warnings = warnings(interpreted, brandsClaimingGtin);
        UnverifiedMatches.warning(interpreted.gtin(), shown).ifPresent(warnings::add);
        return new LookupResult(InterpretationView.of(interpreted), shown, matches.total() > shown.size(),
                Math.max(matches.total(), shown.size()), warnings);
    }

    private LookupRepository.Matches matches(Interpretation interpreted, Set<UUID> patternProducts,
            String contactsCountry) {
        if (interpreted.gtin() == null && interpreted.tac() == null && patternProducts.isEmpty()) {
            return LookupRepository.Matches.NONE;
        }
        MatchKey key = new MatchKey(interpreted.gtin(), interpreted.tac(),
                patternProducts.stream().sorted().toList(), contactsCountry);
        return cache.matches(key, () -> repository.matches(interpreted.gtin(), interpreted.tac(), patternProducts,
                contactsCountry, maxProducts));
    }

    private List<Warning> warnings(Interpretation interpreted, Set<String> brandsClaimingGtin) {
        List<Warning> warnings = new ArrayList<>();
        for (Problem problem : interpreted.problems()) {
            if (ProblemCodes.CHECK_DIGIT.equals(problem.code())) {
                warnings.add(new Warning(Warning.WRONG_CHECK_DIGIT, problem.message(), List.of()));
            }
        }
        String gtin = interpreted.gtin();
        if (gtin != null) {
            List<String> unknownToOwner = references.brandsOwningPrefixOf(gtin).stream()
                    .filter(brand -> !brandsClaimingGtin.contains(brand)).toList();
            if (!unknownToOwner.isEmpty()) {
                warnings.add(new Warning(Warning.SUSPICIOUS_UNKNOWN_GTIN, "GTIN " + gtin
                        + " lies in the GS1 company prefix of " + String.join(", ", unknownToOwner)
                        + " but is not in its published catalogue", unknownToOwner));
            }
            if (brandsClaimingGtin.size() > 1) {
                warnings.add(new Warning(Warning.GTIN_CLAIMED_BY_SEVERAL_BRANDS, "GTIN " + gtin
                        + " is claimed by several brands: " + String.join(", ", brandsClaimingGtin),
                        List.copyOf(brandsClaimingGtin)));
            }
        }
        return warnings;
    }

    private static final class Matched {
        final LookupRepository.MatchRow row;
        final List<String> how = new ArrayList<>(1);
        boolean verified;

        Matched(LookupRepository.MatchRow row) {
            this.row = row;
        }
    }
}
