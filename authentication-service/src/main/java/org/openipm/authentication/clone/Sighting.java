package org.openipm.authentication.clone;

import java.time.Instant;
import java.util.UUID;

/** One verification of a code that its provider judged GENUINE: where and when. */
public record Sighting(UUID requestId, String country, String office, Double latitude, Double longitude,
        Instant seenAt) {

    boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }
}
