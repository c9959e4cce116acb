package org.openipm.messaging;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the system's time until a test sets it, so that legal clocks and deadline notices
 * run at the instants a test chooses. Tests that set it reset it afterwards.
 */
@Singleton
public class ControllableClock extends Clock {

    private volatile Instant fixed;

    public void setTo(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
