package org.openipm.authentication.request;

import java.time.Instant;
import java.util.UUID;

/**
 * A request as its officer sees it. {@code verdict}, {@code confidence}, {@code evidence}, {@code provider} and
 * {@code completedAt} are null while it is PENDING.
 *
 * @param providerLatencyMs how long the provider took to answer (null when none was asked), so the time OpenIPM
 *     itself added can be told apart from the provider's
 */
public record AuthenticationView(UUID id, String status, AuthenticationVerdict verdict, Double confidence,
        boolean probableClone, String reason, Evidence evidence, String provider, Long providerLatencyMs,
        Instant requestedAt, Instant completedAt) {

    static AuthenticationView of(AuthenticationRequest request) {
        return new AuthenticationView(request.id, request.status, request.verdict, request.confidence,
                request.probableClone, request.reason, request.evidence, request.providerId,
                request.providerLatencyMs, request.requestedAt, request.completedAt);
    }
}
