package org.openipm.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Per-caller request limits by class of operation (prefix {@code openipm.rate-limit}); the defaults are in
 * platform-runtime's {@code META-INF/microprofile-config.properties}. Limits hold per service instance.
 */
@ConfigMapping(prefix = "openipm.rate-limit")
public interface RateLimitSettings {

    /** Off in benchmarks, which measure the service rather than the limits. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How many callers are tracked per class of operation. Past it the least recently seen caller is forgotten
     * (and starts again with a full allowance), so a flood of distinct subjects cannot exhaust memory.
     */
    @WithDefault("100000")
    int maxCallers();

    /** Scans: {@code GET .../lookup}. */
    Limit lookup();

    /** Catalogue text search: {@code GET .../search}. */
    Limit search();

    /** Every POST, PUT, PATCH and DELETE. */
    Limit write();

    interface Limit {
        /** Requests allowed in one period; also the largest burst. */
        int requests();

        /** The period over which the allowance refills, evenly. */
        Duration per();
    }
}
