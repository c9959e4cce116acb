package org.openipm.authentication.connector;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openipm.authentication.provider.Coverage;

/**
 * Which active provider answers for a code: one that covers the product's brand and, when it narrows its
 * coverage, the GTIN and the kind of code. The most specific wins (named GTINs before a whole brand, a named
 * code kind before any kind), then the smallest id, so every worker picks the same one.
 */
public final class ProviderSelection {

    private ProviderSelection() {
    }

    public record Candidate(String providerId, Coverage coverage) {
    }

    public static Optional<Candidate> choose(List<Candidate> active, String brandId, String gtin, String codeKind) {
        if (brandId == null) {
            return Optional.empty();
        }
        return active.stream()
                .filter(c -> c.coverage().brands().contains(brandId))
                .filter(c -> c.coverage().gtins().isEmpty() || (gtin != null && c.coverage().gtins().contains(gtin)))
                .filter(c -> c.coverage().codeKinds().isEmpty() || c.coverage().codeKinds().contains(codeKind))
                .min(Comparator.comparingInt(ProviderSelection::breadth).thenComparing(Candidate::providerId));
    }

    /** 0 for a provider naming GTINs and kinds, 3 for one covering the whole brand. */
    private static int breadth(Candidate candidate) {
        return (candidate.coverage().gtins().isEmpty() ? 2 : 0) + (candidate.coverage().codeKinds().isEmpty() ? 1 : 0);
    }
}
