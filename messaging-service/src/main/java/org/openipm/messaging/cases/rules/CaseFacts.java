package org.openipm.messaging.cases.rules;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** What the legal clocks need to know about a case: where it is handled and what kind of goods it holds. */
public record CaseFacts(Office office, Set<CaseTrait> traits) {

    public CaseFacts {
        Objects.requireNonNull(office, "office");
        traits = traits.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(traits));
    }

    public static CaseFacts at(Office office, CaseTrait... traits) {
        return new CaseFacts(office, Set.of(traits));
    }

    public boolean has(CaseTrait trait) {
        return traits.contains(trait);
    }
}
