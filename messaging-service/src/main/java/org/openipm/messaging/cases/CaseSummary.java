package org.openipm.messaging.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of "my cases". {@code brandIds}: every brand participant for officers, only itself for a brand;
 * {@code unread}: the messages of the case's thread the caller's authority or brand has not read.
 */
public record CaseSummary(UUID id, CaseStatus status, Instant openedAt, String authority, String country,
        String office, String transportMode, String originCountry, String destinationCountry, List<String> brandIds,
        long unread) {
}
