package org.openipm.reference.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/** @param delayMs how long each protocol answer waits in {@link Mode#SLOW}; null otherwise */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModeSetting(Mode mode, Long delayMs) {

    public static final ModeSetting NORMAL = new ModeSetting(Mode.NORMAL, null);

    public Duration delay() {
        return mode == Mode.SLOW && delayMs != null ? Duration.ofMillis(delayMs) : Duration.ZERO;
    }

    public boolean failing() {
        return mode == Mode.FAILING;
    }
}
