package org.openipm.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** notification-service's own settings ({@code openipm.notification.*}); the README lists them. */
@ConfigMapping(prefix = "openipm.notification")
public interface NotificationSettings {

    /**
     * The AES-256 key (base64 of 32 bytes) that encrypts webhook signing secrets at rest. No default: production
     * refuses to start without it (environment variable {@code OPENIPM_NOTIFICATION_SECRET_KEY}).
     */
    Optional<String> secretKey();

    Subscriptions subscriptions();

    Webhooks webhooks();

    Delivery delivery();

    interface Subscriptions {
        /** Subscriptions one brand or one authority may hold. */
        @WithDefault("20")
        int maxPerOwner();

        /** Entries in each filter list (alert types, products, countries). */
        @WithDefault("50")
        int maxFilterEntries();
    }

    interface Webhooks {
        /** {@code http} to a loopback address (a receiver on the developer's machine): local runs and tests only. */
        @WithDefault("false")
        boolean allowLoopbackHttp();

        /** After a secret rotation, how long the previous secret still signs beside the new one. */
        @WithDefault("24h")
        Duration rotationOverlap();

        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * The whole answer, headers and body, must arrive within this, counted from when it is the next answer due
         * on its connection.
         */
        @WithDefault("10s")
        Duration requestTimeout();

        /**
         * Deliveries of one subscription on the wire at once, on one connection (HTTP/1.1 pipelining: they arrive
         * and are answered in order); 1 sends them one after another.
         */
        @WithDefault("16")
        int pipelinedRequests();
    }

    interface Delivery {
        /** Threads sending deliveries: at most this many endpoints are waited on at once, one per subscription. */
        @WithDefault("16")
        int workers();

        /** How often due deliveries are looked for when nothing announced new ones. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** Due deliveries claimed per look. */
        @WithDefault("500")
        int claimBatch();

        /**
         * Of those, at most this many per subscription go to its worker in one turn; the rest wait for the next. A
         * turn's cost (its claim, its record of successes) is shared by its deliveries: at 50 a busy subscription
         * got about 450 deliveries a second here, at 500 about 700.
         */
        @WithDefault("500")
        int perSubscriptionBatch();

        /**
         * A claimed delivery is not claimed again (by this or another instance) for this long: if the instance dies
         * mid-send, the delivery is sent again after it, with the same webhook-id.
         */
        @WithDefault("2m")
        Duration lease();

        /** Waits after each failed attempt; the default is RetrySchedule's (10 s up to 6 h, about a day in all). */
        Optional<List<Duration>> retrySteps();

        /** A subscription whose deliveries have failed without a success for this long is disabled. */
        @WithDefault("24h")
        Duration disableAfter();

        /** The backlog metrics (DeliveryBacklog) count the table again when read, at most this often. */
        @WithDefault("5s")
        Duration backlogRefresh();
    }
}
