package org.openipm.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallerRateLimiterTest {

    static RateLimitSettings settings(int requests, Duration per, int maxCallers) {
        RateLimitSettings.Limit limit = new RateLimitSettings.Limit() {
            @Override
            public int requests() {
                return requests;
            }

            @Override
            public Duration per() {
                return per;
            }
        };
        return new RateLimitSettings() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public int maxCallers() {
                return maxCallers;
            }

            @Override
            public Limit lookup() {
                return limit;
            }

            @Override
            public Limit search() {
                return limit;
            }

            @Override
            public Limit write() {
                return limit;
            }
        };
    }

    @Test
    void aCallerOverItsAllowanceIsToldWhenToComeBackWhileAnotherIsServed() {
        CallerRateLimiter limiter = new CallerRateLimiter(settings(3, Duration.ofMinutes(1), 100));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(OperationClass.LOOKUP, "officer-1")).isZero();
        }
        long retryAfter = limiter.tryAcquire(OperationClass.LOOKUP, "officer-1");
        // One request refills every 20 s.
        assertThat(retryAfter).isBetween(1L, 20L);
        assertThat(limiter.tryAcquire(OperationClass.LOOKUP, "officer-2")).isZero();
    }

    @Test
    void eachClassOfOperationHasItsOwnAllowance() {
        CallerRateLimiter limiter = new CallerRateLimiter(settings(1, Duration.ofMinutes(1), 100));
        assertThat(limiter.tryAcquire(OperationClass.LOOKUP, "officer-1")).isZero();
        assertThat(limiter.tryAcquire(OperationClass.LOOKUP, "officer-1")).isPositive();
        assertThat(limiter.tryAcquire(OperationClass.SEARCH, "officer-1")).isZero();
        assertThat(limiter.tryAcquire(OperationClass.WRITE, "officer-1")).isZero();
    }

    @Test
    void aFloodOfDistinctCallersStaysWithinTheBound() {
        CallerRateLimiter limiter = new CallerRateLimiter(settings(5, Duration.ofMinutes(1), 1_000));
        for (int i = 0; i < 50_000; i++) {
            limiter.tryAcquire(OperationClass.WRITE, "forged-subject-" + i);
        }
        assertThat(limiter.trackedCallers(OperationClass.WRITE)).isLessThanOrEqualTo(1_000);
    }
}
