package org.openipm.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One token bucket per caller and class of operation (bucket4j), kept in a bounded map (Caffeine). A bucket
 * unused for a whole period would be full again anyway, so it is dropped after that long without loss; the size
 * bound evicts the least recently seen callers first. Taking a token is lock-free and allocates almost nothing,
 * cheap enough for the lookup path.
 */
public class CallerRateLimiter {

    private final Map<OperationClass, Limited> limits = new EnumMap<>(OperationClass.class);

    public CallerRateLimiter(RateLimitSettings settings) {
        limits.put(OperationClass.LOOKUP, new Limited(settings.lookup(), settings.maxCallers()));
        limits.put(OperationClass.SEARCH, new Limited(settings.search(), settings.maxCallers()));
        limits.put(OperationClass.WRITE, new Limited(settings.write(), settings.maxCallers()));
    }

    /**
     * Takes one request from the caller's allowance for this class of operation.
     *
     * @return 0 when the request may go ahead, otherwise the whole seconds (at least 1) until it would
     */
    public long tryAcquire(OperationClass operation, String caller) {
        Limited limited = limits.get(operation);
        Bucket bucket = limited.buckets.get(caller, key -> limited.newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }

    /** How many callers are tracked for this class of operation now (for tests and metrics). */
    long trackedCallers(OperationClass operation) {
        Cache<String, Bucket> buckets = limits.get(operation).buckets;
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static final class Limited {
        private final Bandwidth bandwidth;
        private final Cache<String, Bucket> buckets;

        Limited(RateLimitSettings.Limit limit, int maxCallers) {
            this.bandwidth = Bandwidth.builder().capacity(limit.requests())
                    .refillGreedy(limit.requests(), limit.per()).build();
            this.buckets = Caffeine.newBuilder().maximumSize(maxCallers).expireAfterAccess(limit.per()).build();
        }

        Bucket newBucket() {
            return Bucket.builder().addLimit(bandwidth).build();
        }
    }
}
