package org.openipm.lookup.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openipm.lookup.answers.MatchRow;

/** The products one GTIN designates, in the order the capped query would show them. */
class BrandFairOrderTest {

    @Test
    void eachBrandsFirstComesBeforeAnyBrandsSecond() {
        MatchRow a1 = row("00000000-0000-0000-0000-000000000001", "a");
        MatchRow a2 = row("00000000-0000-0000-0000-000000000002", "a");
        MatchRow a3 = row("00000000-0000-0000-0000-000000000003", "a");
        MatchRow b9 = row("00000000-0000-0000-0000-000000000009", "b");

        assertThat(BrandFairOrder.sorted(List.of(a3, b9, a2, a1))).containsExactly(a1, b9, a2, a3);
    }

    @Test
    void productIdsCompareAsPostgresqlComparesUuids() {
        // UUID.compareTo compares signed longs and would put the 8... id first; PostgreSQL compares unsigned bytes.
        MatchRow low = row("7fffffff-0000-0000-0000-000000000000", "a");
        MatchRow high = row("80000000-0000-0000-0000-000000000000", "b");

        assertThat(BrandFairOrder.sorted(List.of(high, low))).containsExactly(low, high);
    }

    private static MatchRow row(String id, String brand) {
        return new MatchRow(UUID.fromString(id), brand, "GTIN", "{}", "[]", true);
    }
}
