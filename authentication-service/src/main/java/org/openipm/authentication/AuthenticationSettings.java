package org.openipm.authentication;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** authentication-service's own settings ({@code openipm.authentication.*}); the README lists them. */
@ConfigMapping(prefix = "openipm.authentication")
public interface AuthenticationSettings {

    /**
     * The AES-256 key (base64 of 32 bytes) that encrypts providers' shared secrets at rest. No default: production
     * refuses to start without it (environment variable {@code OPENIPM_AUTHENTICATION_SECRET_KEY}).
     */
    Optional<String> secretKey();

    /** How providers are called. */
    Calls calls();

    /** OpenIPM's own clone judgement. */
    Clones clones();

    /** How long answer ids are remembered to refuse a replay (answers older than 5 minutes are refused anyway). */
    @WithDefault("15m")
    Duration answerIdRetention();

    /**
     * The completion stream's safety check of the database, for a listening connection that died unnoticed (notices
     * missed while it reconnects make every stream look again at once). Each open stream queries at this pace, so
     * it stays slow: under load, thousands of officers may be waiting.
     */
    @WithDefault("30s")
    Duration completionRecheck();

    /** A completion stream still without a verdict ends after this; the client may open it again. */
    @WithDefault("120s")
    Duration completionStreamMaxWait();

    /** How often Kafka-connected providers' overdue answers are turned into ERROR (read by OverdueAnswers). */
    @WithDefault("1s")
    Duration overdueSweep();

    interface Calls {
        /** Attempts after the first one, when the provider fails or times out. */
        @WithDefault("2")
        int maxRetries();

        /** Wait between two attempts. */
        @WithDefault("100ms")
        Duration retryDelay();

        /** No attempt starts after this much time since the first (so the officer waits at most this + one timeout). */
        @WithDefault("10s")
        Duration deadline();

        /** The circuit of a provider opens when this share of its last {@code circuitWindow} calls failed. */
        @WithDefault("0.5")
        double circuitFailureRatio();

        @WithDefault("10")
        int circuitWindow();

        /** How long an open circuit refuses calls before letting a trial call through. */
        @WithDefault("30s")
        Duration circuitDelay();
    }

    interface Clones {
        /** Two GENUINE sightings whose distance implies a faster travel than this (km/h) make the code suspect. */
        @WithDefault("900")
        double maxSpeedKmh();

        /** More GENUINE verifications of one GTIN + serial than this make the code suspect. */
        @WithDefault("20")
        int maxVerifications();
    }
}
