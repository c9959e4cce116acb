package org.openipm.messaging.seizure.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.events.seizures.SeizureMatched;
import org.openipm.events.seizures.SeizureReported;
import org.openipm.messaging.seizure.matching.SeizureMatcher.Owner;

class SeizureMatcherTest {

    private static final UUID WATCH = UUID.randomUUID();
    private static final UUID BAG = UUID.randomUUID();
    private static final GtinReader READER = new GtinReader();
    private static final Map<String, List<Owner>> OWNERS = Map.of(
            "09520123456788", List.of(new Owner("acme-watches", WATCH)),
            "04006381333931", List.of(new Owner("maison-bags", BAG)));

    private static SeizureReported seizure(Double value, String currency, SeizureReported.Goods... goods) {
        return new SeizureReported("fr-douane", "FR-1", LocalDate.of(2025, 3, 2), "FR", "FRLEH", "POSTAL",
                List.of(goods), value, currency, null, null, null, Instant.now(), null);
    }

    private static SeizureMatcher.Match match(SeizureReported seizure) {
        return SeizureMatcher.match(seizure, READER::gtinOf, gtin -> OWNERS.getOrDefault(gtin, List.of()));
    }

    @Test
    void eachBrandGetsItsOwnLinesQuantitiesPerUnitAndAnEqualShareOfTheValuePerLine() {
        SeizureMatcher.Match match = match(seizure(90.0, "EUR",
                new SeizureReported.Goods(List.of("https://id.gs1.org/01/09520123456788/21/A1"), "Watches", 12,
                        "pieces"),
                new SeizureReported.Goods(List.of("(01)04006381333931"), "Bags", 3, "pieces"),
                new SeizureReported.Goods(List.of("]C10109520123456788"), "Watch straps", 2, "kg")));

        assertThat(match.brands()).extracting(SeizureMatched.Brand::brandId)
                .containsExactly("acme-watches", "maison-bags");
        SeizureMatched.Brand watches = match.brands().get(0);
        assertThat(watches.productIds()).containsExactly(WATCH);
        assertThat(watches.quantities()).containsExactly(new SeizureMatched.Quantity("kg", 2),
                new SeizureMatched.Quantity("pieces", 12));
        assertThat(watches.values()).containsExactly(new SeizureMatched.Amount("EUR", 60.0));
        assertThat(match.brands().get(1).values()).containsExactly(new SeizureMatched.Amount("EUR", 30.0));
        assertThat(match.quantities()).containsExactly(new SeizureMatched.Quantity("kg", 2),
                new SeizureMatched.Quantity("pieces", 15));
        assertThat(match.values()).containsExactly(new SeizureMatched.Amount("EUR", 90.0));
        assertThat(match.lines()).extracting(SeizureMatcher.Line::valueShare).containsOnly(30.0);
    }

    @Test
    void codesWithoutAVerifiedOwnerOrWithoutAGtinConcernNoBrandButStillCount() {
        SeizureMatcher.Match match = match(seizure(null, null,
                new SeizureReported.Goods(List.of("(01)09520123456789"), "Wrong check digit", 1, "pieces"),
                new SeizureReported.Goods(List.of("00012345600012"), "Nobody's", 4, "pieces"),
                new SeizureReported.Goods(List.of(), "Nothing scanned", 5, "pairs")));

        assertThat(match.brands()).isEmpty();
        assertThat(match.lines()).allSatisfy(line -> assertThat(line.brandIds()).isEmpty());
        assertThat(match.quantities()).containsExactly(new SeizureMatched.Quantity("pairs", 5),
                new SeizureMatched.Quantity("pieces", 5));
        assertThat(match.values()).isEmpty();
    }
}
