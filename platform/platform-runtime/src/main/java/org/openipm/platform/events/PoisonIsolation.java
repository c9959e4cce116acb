package org.openipm.platform.events;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies a batch all at once and, when that fails for good, finds the records that cannot apply by splitting it in
 * halves: the good records still apply (in their order, a half at a time), each culprit is handed to {@code setAside}
 * alone. One poison record in n costs about 2·log2(n) attempts instead of n. A transient failure is thrown at once,
 * for the caller to wait and start the remaining work over (what was applied is applied again, idempotently).
 */
public final class PoisonIsolation {

    private PoisonIsolation() {
    }

    public static <T> void apply(List<T> batch, Consumer<List<T>> applyAll, Predicate<RuntimeException> isTransient,
            BiConsumer<T, RuntimeException> setAside) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            applyAll.accept(batch);
        } catch (RuntimeException failure) {
            if (isTransient.test(failure)) {
                throw failure;
            }
            if (batch.size() == 1) {
                setAside.accept(batch.get(0), failure);
                return;
            }
            int half = batch.size() / 2;
            apply(batch.subList(0, half), applyAll, isTransient, setAside);
            apply(batch.subList(half, batch.size()), applyAll, isTransient, setAside);
        }
    }
}
