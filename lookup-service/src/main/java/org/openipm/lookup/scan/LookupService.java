package org.openipm.lookup.scan;

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
import org.openipm.lookup.answers.CodeReferenceCache;
import org.openipm.lookup.answers.MatchCache;
import org.openipm.lookup.answers.MatchKey;
import org.openipm.lookup.answers.MatchRow;
import org.openipm.lookup.answers.Matches;

/**
 * From a scanned code to the genuine product(s): interpret (CPU only), then try the code's readings in order (most
 * likely first, {@link ReadingOrder}) with one indexed query each unless its answer is already in memory
 * ({@link MatchCache}); the first reading that finds a product is the answer and is named in it. Then warnings
 * from the in-memory company prefixes, and the access-log events handed to a background publisher. An answer shows
 * at most {@code max-products-per-answer} products, each brand's first before any brand's second, and says when
 * there are more.
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
        String contactsCountry = viewer.seesAllContacts() ? null : viewer.country() == null ? "" : viewer.country();
        ReadingOrder.Tried<ReadingMatches> tried = ReadingOrder.firstFound(interpreted,
                reading -> matches(reading, contactsCountry), found -> found.matches().found());
        Interpretation reading = tried.reading();
        Matches matches = tried.result().matches();
        Map<UUID, List<String>> byPattern = tried.result().byPattern();

        Map<UUID, Matched> products = new LinkedHashMap<>();
        Set<String> brandsClaimingGtin = new TreeSet<>();
        for (MatchRow row : matches.rows()) {
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
        List<Warning> warnings = warnings(interpreted, reading.gtin(), brandsClaimingGtin);
        UnverifiedMatches.warning(reading.gtin(), shown).ifPresent(warnings::add);
        return new LookupResult(InterpretationView.of(interpreted), tried.found() ? reading.kind().name() : null,
                shown, matches.total() > shown.size(), Math.max(matches.total(), shown.size()), warnings);
    }

    private ReadingMatches matches(Interpretation reading, String contactsCountry) {
        Map<UUID, List<String>> byPattern = references.productsMatching(reading.matchedPatternIds());
        Set<UUID> patternProducts = byPattern.keySet();
        if (reading.gtin() == null && reading.tac() == null && patternProducts.isEmpty()) {
            return new ReadingMatches(byPattern, Matches.NONE);
        }
        MatchKey key = new MatchKey(reading.gtin(), reading.tac(), patternProducts.stream().sorted().toList(),
                contactsCountry);
        return new ReadingMatches(byPattern, cache.matches(key, () -> repository.matches(reading.gtin(),
                reading.tac(), patternProducts, contactsCountry, maxProducts)));
    }

    /** The products one reading found, and the pattern ids by which each was found. */
    private record ReadingMatches(Map<UUID, List<String>> byPattern, Matches matches) {
    }

    /** Check digit problems of the code as most likely read; GTIN warnings about the GTIN of the reading answered. */
    private List<Warning> warnings(Interpretation interpreted, String gtin, Set<String> brandsClaimingGtin) {
        List<Warning> warnings = new ArrayList<>();
        for (Problem problem : interpreted.problems()) {
            if (ProblemCodes.CHECK_DIGIT.equals(problem.code())) {
                warnings.add(new Warning(Warning.WRONG_CHECK_DIGIT, problem.message(), List.of()));
            }
        }
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
        final MatchRow row;
        final List<String> how = new ArrayList<>(1);
        boolean verified;

        Matched(MatchRow row) {
            this.row = row;
        }
    }
}
