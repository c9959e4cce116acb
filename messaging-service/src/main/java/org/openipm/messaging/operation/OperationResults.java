package org.openipm.messaging.operation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An operation's results grouped one way (pure). Counts are seizures; quantities are summed per unit and values per
 * currency, never mixed. A brand sees only seizures holding its own verified products, the quantities of its own
 * goods lines, and the value of seizures whose matched goods are all its own (a shared seizure's value cannot be
 * split between brands honestly). In the {@code brand} grouping an authority sees each seizure under every brand it
 * involves, and under {@code UNMATCHED} when none of its codes is a verified product.
 */
public final class OperationResults {

    public static final String UNMATCHED = "UNMATCHED";

    public enum GroupBy {
        COUNTRY, BRAND, TRANSPORT_MODE, DAY;

        /** {@code transportMode} -> TRANSPORT_MODE; empty for an unknown name. */
        public static Optional<GroupBy> of(String name) {
            String constant = name == null ? "" : name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
            for (GroupBy g : values()) {
                if (g.name().equals(constant)) {
                    return Optional.of(g);
                }
            }
            return Optional.empty();
        }
    }

    /** A seizure as the results count it; each goods line names the brands whose verified products it holds. */
    public record Seizure(String country, String transportMode, LocalDate seizedOn, List<Line> lines,
            BigDecimal value, String currency) {
    }

    public record Line(Set<String> brands, BigDecimal quantity, String unit) {
    }

    public record Group(String key, long seizures, Map<String, BigDecimal> quantities, Map<String, BigDecimal> values) {
    }

    private OperationResults() {
    }

    /** {@code brand}: the viewing brand, or empty for an authority (or administrator) seeing everything. */
    public static List<Group> of(List<Seizure> seizures, GroupBy groupBy, Optional<String> brand) {
        Map<String, Acc> groups = new TreeMap<>();
        for (Seizure seizure : seizures) {
            Set<String> involved = new TreeSet<>();
            seizure.lines().forEach(line -> involved.addAll(line.brands()));
            if (brand.isPresent() && !involved.contains(brand.get())) {
                continue;
            }
            List<String> keys = switch (groupBy) {
                case COUNTRY -> List.of(seizure.country());
                case TRANSPORT_MODE -> List.of(seizure.transportMode());
                case DAY -> List.of(seizure.seizedOn().toString());
                case BRAND -> brand.map(List::of).orElseGet(() -> involved.isEmpty() ? List.of(UNMATCHED)
                        : List.copyOf(involved));
            };
            for (String key : keys) {
                // Whose goods count under this key: the viewing brand's, or in the brand grouping the key's brand.
                Optional<String> owner = brand.isPresent() ? brand
                        : groupBy == GroupBy.BRAND && !key.equals(UNMATCHED) ? Optional.of(key) : Optional.empty();
                Acc acc = groups.computeIfAbsent(key, k -> new Acc());
                acc.seizures++;
                for (Line line : seizure.lines()) {
                    if (owner.isEmpty() || line.brands().contains(owner.get())) {
                        acc.quantities.merge(line.unit(), line.quantity(), BigDecimal::add);
                    }
                }
                boolean valueIsOwners = owner.isEmpty() || involved.equals(Set.of(owner.get()));
                if (seizure.value() != null && seizure.currency() != null && valueIsOwners) {
                    acc.values.merge(seizure.currency(), seizure.value(), BigDecimal::add);
                }
            }
        }
        List<Group> result = new ArrayList<>();
        groups.forEach((key, acc) -> result.add(new Group(key, acc.seizures, acc.quantities, acc.values)));
        return result;
    }

    /** Helper for loaders: a line's brands from its codes' verified matches. */
    public static Set<String> brandsOf(List<String> codes, Function<String, Set<String>> verifiedBrandsOfCode) {
        Set<String> brands = new TreeSet<>();
        codes.forEach(code -> brands.addAll(verifiedBrandsOfCode.apply(code)));
        return brands;
    }

    private static final class Acc {
        long seizures;
        final Map<String, BigDecimal> quantities = new TreeMap<>();
        final Map<String, BigDecimal> values = new TreeMap<>();
    }
}
