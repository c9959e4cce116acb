package org.openipm.lookup.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.openipm.lookup.readmodel.ReadModelNotice;

/**
 * Decides whether an answer kept in memory is still current; no framework types. A counter is bumped by every
 * notice, and each notice records the counter value against what it touched (the product id, each GTIN it claims,
 * "some TAC range" when it has any). An answer remembers the counter value from before its query ran and what it
 * depends on; it is stale as soon as one of those was touched at a later value. Reading the counter before the
 * query closes the race with a change committing during the query.
 */
final class ChangeLog {

    /** Stands for every IMEI answer: a TAC range change may concern any of them, and such changes are rare. */
    private static final Object ANY_TAC = new Object();

    private final int maxChangesRemembered;
    private final AtomicLong counter = new AtomicLong();
    private final Map<Object, Touched> touched = new ConcurrentHashMap<>();
    private volatile long everythingTouchedAt;

    /** Beyond {@code maxChangesRemembered} changes, everything is forgotten at once (see {@link #heard}). */
    ChangeLog(int maxChangesRemembered) {
        this.maxChangesRemembered = maxChangesRemembered;
    }

    /** The value an answer read from now on remembers. */
    long now() {
        return counter.get();
    }

    /**
     * Records what the notice touched, at {@code nanoTime}; returns true when every answer must be forgotten (a
     * replay, a huge import or a listener that may have missed notices: cheaper than remembering every change).
     */
    boolean heard(ReadModelNotice notice, long nanoTime) {
        long at = counter.incrementAndGet();
        if (notice.everything() || touched.size() >= maxChangesRemembered) {
            everythingTouchedAt = at;
            touched.clear();
            return true;
        }
        Touched now = new Touched(at, nanoTime);
        touched.put(notice.productId(), now);
        notice.gtins().forEach(gtin -> touched.put(gtin, now));
        if (notice.tacRanges()) {
            touched.put(ANY_TAC, now);
        }
        return false;
    }

    /** What an answer to {@code key} showing {@code rows} goes stale with. */
    static Object[] dependencies(MatchKey key, List<MatchRow> rows) {
        List<Object> dependencies = new ArrayList<>(rows.size() + key.patternProducts().size() + 2);
        if (key.gtin14() != null) {
            dependencies.add(key.gtin14());
        }
        if (key.tac() != null) {
            dependencies.add(ANY_TAC);
        }
        dependencies.addAll(key.patternProducts());
        rows.forEach(row -> dependencies.add(row.productId()));
        return dependencies.toArray();
    }

    /** True when nothing the answer read at {@code readAt} depends on was touched since. */
    boolean isCurrent(long readAt, Object[] dependencies) {
        if (readAt < everythingTouchedAt) {
            return false;
        }
        for (Object dependency : dependencies) {
            Touched change = touched.get(dependency);
            if (change != null && change.at() > readAt) {
                return false;
            }
        }
        return true;
    }

    /** Forgets the changes recorded before {@code horizonNanos}: no answer kept is that old. */
    void forgetBefore(long horizonNanos) {
        touched.values().removeIf(change -> change.atNanos() - horizonNanos < 0);
    }

    int remembered() {
        return touched.size();
    }

    private record Touched(long at, long atNanos) {
    }
}
