package org.openipm.platform.events;

import java.time.Duration;

/** Exponential backoff: the delay doubles after each failure up to a cap, and a success starts it over. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay to wait after this failure; the following one will be twice as long, up to the cap. */
    public Duration failed() {
        Duration delay = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return delay;
    }

    public void succeeded() {
        next = initial;
    }
}
