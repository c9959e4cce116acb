package org.openipm.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "openipm.outbox")
public interface OutboxSettings {

    /** Rows relayed per transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * How often the relay looks for new rows when no commit woke it: it wakes on each commit that recorded events,
     * so this only bounds the delay of events whose notice was lost (listening connection down). Also the delay
     * before the relay listens again after it lost its connection.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long the relay waits after a commit woke it before it reads the table, so that the events of the commits
     * arriving meanwhile go in the same cycle (one read, one send, one delete) instead of a cycle each. Adds up to
     * this much to an event's delay; 0 (the default) relays at once.
     */
    @WithDefault("0ms")
    Duration linger();

    /**
     * The largest event payload {@code Outbox.record} accepts, in bytes of UTF-8 JSON. It must stay below the
     * producer's {@code kafka.max.request.size} (1 MiB by default) with room for the key and headers, or the
     * broker could refuse an event the change already committed.
     */
    @WithDefault("983040")
    int maxPayloadBytes();

    /** How long the relay waits for the broker to acknowledge a batch before it counts as a failed attempt. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Attempts a row the broker refuses for good gets before it is parked and the rows behind it go on. */
    @WithDefault("5")
    int maxAttempts();

    Backoff backoff();

    /** While the broker or the database is unreachable, the relay waits this long, doubling up to the cap. */
    interface Backoff {
        @WithDefault("100ms")
        Duration initialDelay();

        @WithDefault("5s")
        Duration maxDelay();
    }
}
