package org.openipm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of latencies in microseconds (nearest rank), printed in milliseconds. */
public record Stats(long p50, long p99, long max, int count) {

    public static Stats of(List<Long> micros) {
        if (micros.isEmpty()) {
            return new Stats(0, 0, 0, 0);
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return new Stats(at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1), sorted.size());
    }

    public static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** a / b, NaN when b is 0 (a ratio of two latencies measured in the same run). */
    public static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    @Override
    public String toString() {
        return String.format("p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms (%d)", p50 / 1000.0, p99 / 1000.0,
                max / 1000.0, count);
    }
}
