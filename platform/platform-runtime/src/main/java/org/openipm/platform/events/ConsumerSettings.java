package org.openipm.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers wait out a transient failure, and how long they remember the events they applied. */
@ConfigMapping(prefix = "openipm.consumer")
public interface ConsumerSettings {

    Retry retry();

    ProcessedEvents processedEvents();

    interface Retry {
        /** First wait after a transient failure; it doubles on each further failure. */
        @WithDefault("200ms")
        Duration initialDelay();

        /** The longest wait between two attempts: the most a consumer lags once the database is back. */
        @WithDefault("10s")
        Duration maxDelay();
    }

    interface ProcessedEvents {
        /**
         * How long an applied event's id is kept to recognise a redelivery. Longer than any redelivery can come
         * late: a consumer group rewound, a dead-letter topic re-driven weeks later.
         */
        @WithDefault("30d")
        Duration retention();

        /** Ids deleted per statement (and transaction) by the purge. */
        @WithDefault("10000")
        int purgeBatchSize();
    }
}
