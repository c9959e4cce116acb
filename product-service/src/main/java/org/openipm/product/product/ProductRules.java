package org.openipm.product.product;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.openipm.codes.Gtin;
import org.openipm.codes.SafePattern;
import org.openipm.platform.problem.Problem;
import org.openipm.platform.problem.Problem.FieldError;
import org.openipm.platform.problem.ProblemException;
import org.openipm.product.domain.CodePattern;
import org.openipm.product.domain.Feature;
import org.openipm.product.domain.TacRange;
import org.openipm.product.domain.TradePartner;

/**
 * The checks bean validation cannot express: GS1 check digits, code patterns that are RE2, small and specific
 * ({@link SafePattern}), ordered TAC ranges. The same
 * rules serve the API and the bulk import, so an import row is refused for the same reasons as a request.
 */
public final class ProductRules {

    private ProductRules() {
    }

    /** The request's codes in their stored form (GTIN-14, closed TAC ranges, named patterns), or why not. */
    public record Checked(List<String> gtins, List<TacRange> tacRanges, List<CodePattern> codePatterns,
            List<Feature> features, List<TradePartner> tradePartners, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Checked check(ProductRequest request) {
        List<FieldError> errors = new ArrayList<>();
        LinkedHashSet<String> gtins = new LinkedHashSet<>();
        List<String> given = request.gtins() == null ? List.of() : request.gtins();
        for (int i = 0; i < given.size(); i++) {
            String raw = given.get(i).trim();
            Optional<String> problem = Gtin.validationProblem(raw);
            if (problem.isPresent()) {
                errors.add(new FieldError("gtins[" + i + "]", problem.get()));
            } else {
                gtins.add(Gtin.normaliseTo14(raw));
            }
        }
        List<TacRange> ranges = new ArrayList<>();
        List<ProductRequest.TacRangeRequest> givenRanges = request.tacRanges() == null ? List.of() : request.tacRanges();
        for (int i = 0; i < givenRanges.size(); i++) {
            var range = givenRanges.get(i);
            String last = range.lastTac() == null ? range.firstTac() : range.lastTac();
            if (range.firstTac() != null && last.compareTo(range.firstTac()) < 0) {
                errors.add(new FieldError("tacRanges[" + i + "]", "lastTac must not be before firstTac"));
            } else {
                ranges.add(new TacRange(range.firstTac(), last));
            }
        }
        List<CodePattern> patterns = new ArrayList<>();
        List<ProductRequest.CodePatternRequest> givenPatterns = request.codePatterns() == null ? List.of() : request.codePatterns();
        for (int i = 0; i < givenPatterns.size(); i++) {
            var pattern = givenPatterns.get(i);
            Optional<String> rejection = SafePattern.rejectionReason(pattern.regex());
            if (rejection.isPresent()) {
                errors.add(new FieldError("codePatterns[" + i + "].regex", rejection.get()));
            } else {
                String id = pattern.patternId() == null ? "p" + (i + 1) : pattern.patternId();
                patterns.add(new CodePattern(id, pattern.regex(), pattern.description()));
            }
        }
        return new Checked(List.copyOf(gtins), ranges, patterns, features(request), tradePartners(request), errors);
    }

    /** The checked request, or a 400 problem naming every field at fault: the API's and the import's answer. */
    public static Checked requireValid(ProductRequest request) {
        Checked checked = check(request);
        if (!checked.valid()) {
            String detail = checked.errors().stream().map(e -> e.field() + ": " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElse("");
            throw new ProblemException(Problem.of("validation", "Bad Request", 400, detail).withErrors(checked.errors()));
        }
        return checked;
    }

    private static List<Feature> features(ProductRequest request) {
        return request.features() == null ? List.of() : request.features().stream()
                .map(f -> new Feature(f.kind().name(), f.title(), f.description(), f.location(), f.howFakesDiffer(),
                        (f.visibility() == null ? ProductRequest.Visibility.OVERT : f.visibility()).name()))
                .toList();
    }

    private static List<TradePartner> tradePartners(ProductRequest request) {
        return request.tradePartners() == null ? List.of() : request.tradePartners().stream()
                .map(t -> new TradePartner(t.role().name(), t.name(), t.country())).toList();
    }
}
