package org.openipm.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed webhook delivery is tried again: exponential steps from seconds to hours, each moved by a random
 * jitter so that many deliveries failing together (an endpoint back from an outage) do not come back together.
 * The steps add up to about 20 hours and jitter adds at most a fifth, so a delivery is given up within 24 hours of
 * its first attempt; an endpoint that fails that long is disabled (see {@link #attempts()}).
 */
public final class RetrySchedule {

    /** The wait after the n-th failed attempt (n = 1 for the first). */
    static final List<Duration> STEPS = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(6),
            Duration.ofHours(6));
    static final double JITTER = 0.2;

    private final List<Duration> steps;
    private final RandomGenerator random;

    public RetrySchedule(RandomGenerator random) {
        this(STEPS, random);
    }

    /** A schedule of other steps (tests and the local run use seconds where production uses hours). */
    public RetrySchedule(List<Duration> steps, RandomGenerator random) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("At least one retry step");
        }
        this.steps = List.copyOf(steps);
        this.random = random;
    }

    /** Attempts in all, the first included: after the last one fails the delivery is given up. */
    public int attempts() {
        return steps.size() + 1;
    }

    /**
     * @param failedAttempts attempts made so far, all failed (1 after the first)
     * @return when to try next, or empty when the delivery is to be given up
     */
    public Optional<Instant> next(int failedAttempts, Instant failedAt) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("Ask after a failed attempt");
        }
        if (failedAttempts > steps.size()) {
            return Optional.empty();
        }
        long base = steps.get(failedAttempts - 1).toMillis();
        double factor = 1 + JITTER * (2 * random.nextDouble() - 1);
        return Optional.of(failedAt.plusMillis(Math.round(base * factor)));
    }

    /** The longest a delivery can be retried: every step with its largest jitter. */
    public Duration longestSpan() {
        return steps.stream().reduce(Duration.ZERO, Duration::plus).multipliedBy(6).dividedBy(5);
    }
}
