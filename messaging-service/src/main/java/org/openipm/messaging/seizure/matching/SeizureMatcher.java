package org.openipm.messaging.seizure.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.openipm.events.seizures.SeizureMatched;
import org.openipm.events.seizures.SeizureReported;

/**
 * Which brands a seizure concerns and how much of it is theirs. A goods line concerns the brands whose ownership of
 * a GTIN its codes carry is verified (a brand merely claiming a GTIN is never attributed a seizure). The seizure has
 * one estimated value for all its goods: each line takes an equal share of it. A brand's quantities and values are
 * those of its lines, summed per unit and per currency; a line carrying two brands' codes counts for both.
 */
public final class SeizureMatcher {

    /** A verified owner of a GTIN: the brand and its product carrying the GTIN. */
    public record Owner(String brandId, UUID productId) {
    }

    /** One goods line as matched. */
    public record Line(int line, double quantity, String unit, Double valueShare, List<String> brandIds,
            List<UUID> productIds) {
    }

    /** The whole match: its lines, each brand's share, and the seizure's totals. */
    public record Match(List<Line> lines, List<SeizureMatched.Brand> brands, List<SeizureMatched.Quantity> quantities,
            List<SeizureMatched.Amount> values) {
    }

    private SeizureMatcher() {
    }

    /**
     * @param gtinOf the GTIN a code carries (null when none), see {@link GtinReader}
     * @param ownersOf the verified owners of a GTIN (empty when none)
     */
    public static Match match(SeizureReported seizure, Function<String, String> gtinOf,
            Function<String, List<Owner>> ownersOf) {
        List<Line> lines = new ArrayList<>();
        int count = seizure.goods().size();
        Double share = seizure.estimatedValue() == null ? null : seizure.estimatedValue() / count;
        Map<String, Totals> byBrand = new TreeMap<>();
        Totals all = new Totals();
        for (int i = 0; i < count; i++) {
            SeizureReported.Goods goods = seizure.goods().get(i);
            TreeSet<String> brands = new TreeSet<>();
            TreeSet<UUID> products = new TreeSet<>();
            for (String code : goods.codes() == null ? List.<String>of() : goods.codes()) {
                String gtin = gtinOf.apply(code);
                if (gtin != null) {
                    for (Owner owner : ownersOf.apply(gtin)) {
                        brands.add(owner.brandId());
                        products.add(owner.productId());
                    }
                }
            }
            lines.add(new Line(i + 1, goods.quantity(), goods.unit(), share, List.copyOf(brands),
                    List.copyOf(products)));
            all.add(goods.quantity(), goods.unit(), share, seizure.currency());
            for (String brand : brands) {
                Totals totals = byBrand.computeIfAbsent(brand, b -> new Totals());
                totals.add(goods.quantity(), goods.unit(), share, seizure.currency());
                products.stream().filter(p -> ownsProduct(ownersOf, gtinOf, goods, brand, p))
                        .forEach(totals.products::add);
            }
        }
        List<SeizureMatched.Brand> brands = byBrand.entrySet().stream().map(e -> new SeizureMatched.Brand(
                e.getKey(), List.copyOf(e.getValue().products), e.getValue().quantities(), e.getValue().values()))
                .toList();
        return new Match(lines, brands, all.quantities(), all.values());
    }

    private static boolean ownsProduct(Function<String, List<Owner>> ownersOf, Function<String, String> gtinOf,
            SeizureReported.Goods goods, String brand, UUID product) {
        for (String code : goods.codes() == null ? List.<String>of() : goods.codes()) {
            String gtin = gtinOf.apply(code);
            if (gtin != null && ownersOf.apply(gtin).contains(new Owner(brand, product))) {
                return true;
            }
        }
        return false;
    }

    /** Sums kept per unit and per currency: never added across. */
    private static final class Totals {
        private final Map<String, Double> quantities = new TreeMap<>();
        private final Map<String, Double> values = new TreeMap<>();
        private final TreeSet<UUID> products = new TreeSet<>();

        void add(double quantity, String unit, Double value, String currency) {
            quantities.merge(unit, quantity, Double::sum);
            if (value != null && currency != null) {
                values.merge(currency, value, Double::sum);
            }
        }

        List<SeizureMatched.Quantity> quantities() {
            return quantities.entrySet().stream().map(e -> new SeizureMatched.Quantity(e.getKey(), e.getValue()))
                    .toList();
        }

        List<SeizureMatched.Amount> values() {
            return values.entrySet().stream().map(e -> new SeizureMatched.Amount(e.getKey(), e.getValue())).toList();
        }
    }
}
