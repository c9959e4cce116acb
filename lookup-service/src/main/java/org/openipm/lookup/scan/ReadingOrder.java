package org.openipm.lookup.scan;

import java.util.function.Function;
import java.util.function.Predicate;
import org.openipm.codes.Interpretation;

/**
 * One code, several readings (sixteen digits are a GS1 element string and an IMEISV; a brand's pattern may match
 * too): the lookup tries them in the interpreter's order, most likely first, and answers with the first that
 * designates a product. When none does, the answer is the most likely reading's, so that its warnings stand.
 */
final class ReadingOrder {

    private ReadingOrder() {
    }

    /** What trying a reading gave, and whether it was the one that found something. */
    record Tried<T>(Interpretation reading, T result, boolean found) {
    }

    /** Stops at the first reading whose result is {@code found}: later readings are never tried. */
    static <T> Tried<T> firstFound(Interpretation interpreted, Function<Interpretation, T> attempt,
            Predicate<T> found) {
        Tried<T> mostLikely = null;
        for (Interpretation reading : interpreted.readings()) {
            T result = attempt.apply(reading);
            if (found.test(result)) {
                return new Tried<>(reading, result, true);
            }
            if (mostLikely == null) {
                mostLikely = new Tried<>(reading, result, false);
            }
        }
        return mostLikely;
    }
}
