package org.openipm.messaging.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openipm.messaging.operation.OperationResults.GroupBy;
import org.openipm.messaging.operation.OperationResults.Line;
import org.openipm.messaging.operation.OperationResults.Seizure;

class OperationResultsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final List<Seizure> SEIZURES = List.of(
            new Seizure("FR", "POSTAL", DAY, List.of(new Line(Set.of("acme"), BigDecimal.TEN, "pieces")),
                    new BigDecimal("100"), "EUR"),
            new Seizure("FR", "EXPRESS", DAY, List.of(new Line(Set.of("acme"), BigDecimal.ONE, "pieces"),
                    new Line(Set.of("bolt"), new BigDecimal("3"), "kg")), new BigDecimal("50"), "USD"),
            new Seizure("BE", "POSTAL", DAY.plusDays(1), List.of(new Line(Set.of(), BigDecimal.ONE, "pieces")),
                    null, null));

    @Test
    void unitsAndCurrenciesAreNeverMixed() {
        var groups = OperationResults.of(SEIZURES, GroupBy.COUNTRY, Optional.empty());

        assertThat(groups).extracting(OperationResults.Group::key).containsExactly("BE", "FR");
        assertThat(groups.get(1).quantities()).isEqualTo(Map.of("pieces", new BigDecimal("11"), "kg",
                new BigDecimal("3")));
        assertThat(groups.get(1).values()).isEqualTo(Map.of("EUR", new BigDecimal("100"), "USD",
                new BigDecimal("50")));
    }

    @Test
    void aBrandSeesOnlyItsLinesAndTheValueOfSeizuresThatAreItsAlone() {
        var groups = OperationResults.of(SEIZURES, GroupBy.TRANSPORT_MODE, Optional.of("bolt"));

        assertThat(groups).extracting(OperationResults.Group::key).containsExactly("EXPRESS");
        assertThat(groups.get(0).quantities()).isEqualTo(Map.of("kg", new BigDecimal("3")));
        assertThat(groups.get(0).values()).isEmpty();
    }

    @Test
    void byBrandASeizureCountsUnderEachBrandAndUnmatchedOnesApart() {
        var groups = OperationResults.of(SEIZURES, GroupBy.BRAND, Optional.empty());

        assertThat(groups).extracting(OperationResults.Group::key).containsExactly("UNMATCHED", "acme", "bolt");
        assertThat(groups.get(1).seizures()).isEqualTo(2);
        assertThat(groups.get(1).values()).isEqualTo(Map.of("EUR", new BigDecimal("100")));
        assertThat(GroupBy.of("transportMode")).contains(GroupBy.TRANSPORT_MODE);
        assertThat(GroupBy.of("route")).isEmpty();
    }
}
