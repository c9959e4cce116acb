package org.openipm.messaging.cases.rules;

import java.time.Instant;
import java.util.Objects;

/** An event that starts legal periods, and when it happened. The day it happens on is not counted. */
public record StartingEvent(ClockStart kind, Instant at) {

    public StartingEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
