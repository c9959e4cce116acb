package org.openipm.authentication.connector;

import org.openipm.authentication.request.AuthenticationVerdict;
import org.openipm.authentication.request.Evidence;

/**
 * What the connector found out, before OpenIPM's own rules (replay, clone) are applied when it is recorded.
 *
 * @param answerMessageId the provider's message id, to refuse a replay; null when no answer was believed
 */
public record Judgement(AuthenticationVerdict verdict, Double confidence, String reason, Evidence evidence,
        String providerId, String providerReference, Long providerLatencyMs, String answerMessageId) {

    static Judgement without(AuthenticationVerdict verdict, String reason, String providerId, Long latencyMs) {
        return new Judgement(verdict, null, reason, Evidence.none(), providerId, null, latencyMs, null);
    }
}
