package org.openipm.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoisonIsolationTest {

    private final List<Integer> applied = new ArrayList<>();
    private final Map<Integer, String> setAside = new LinkedHashMap<>();
    private int attempts;

    /** Applies a part all or nothing, as a transaction would: refused whole if it holds a poison number. */
    private void applyRefusing(Set<Integer> poison, List<Integer> part) {
        attempts++;
        part.stream().filter(poison::contains).findFirst().ifPresent(bad -> {
            throw new IllegalArgumentException("cannot apply " + bad);
        });
        applied.addAll(part);
    }

    @Test
    void aBatchWithoutPoisonIsAppliedInOneAttempt() {
        PoisonIsolation.apply(numbers(100), part -> applyRefusing(Set.of(), part), e -> false,
                (n, e) -> setAside.put(n, e.getMessage()));

        assertThat(attempts).isEqualTo(1);
        assertThat(applied).isEqualTo(numbers(100));
        assertThat(setAside).isEmpty();
    }

    @Test
    void poisonRecordsAreSetAsideAloneWithTheirReasonAndTheOthersApplyInOrder() {
        PoisonIsolation.apply(numbers(500), part -> applyRefusing(Set.of(17, 18, 400), part), e -> false,
                (n, e) -> setAside.put(n, e.getMessage()));

        assertThat(setAside).containsExactly(Map.entry(17, "cannot apply 17"), Map.entry(18, "cannot apply 18"),
                Map.entry(400, "cannot apply 400"));
        List<Integer> good = numbers(500).stream().filter(n -> n != 17 && n != 18 && n != 400).toList();
        assertThat(applied).isEqualTo(good);
        assertThat(attempts).as("splitting, not one attempt per record").isLessThan(60);
    }

    @Test
    void aTransientFailureIsThrownAndNothingIsSetAside() {
        assertThatThrownBy(() -> PoisonIsolation.apply(numbers(10), part -> {
            throw new IllegalStateException("database away");
        }, e -> true, (n, e) -> setAside.put(n, e.getMessage()))).hasMessage("database away");

        assertThat(setAside).isEmpty();
    }

    private static List<Integer> numbers(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
