package org.openipm.authentication.connector;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.openipm.authentication.AuthenticationSettings;

/**
 * One SmallRye Fault Tolerance guard per provider: a timeout per attempt (the provider's own), bounded retries
 * within an overall deadline, and a circuit breaker of its own, so one failing provider never stops calls to the
 * others. A provider whose timeout changes gets a fresh guard (its circuit starts closed).
 */
@ApplicationScoped
public class ProviderGuards {

    private final AuthenticationSettings.Calls settings;
    private final Map<String, Entry> guards = new ConcurrentHashMap<>();

    public ProviderGuards(AuthenticationSettings settings) {
        this.settings = settings.calls();
    }

    public Guard of(String providerId, int timeoutMs) {
        return guards.compute(providerId, (id, existing) -> existing != null && existing.timeoutMs() == timeoutMs
                ? existing : new Entry(timeoutMs, build(id, timeoutMs))).guard();
    }

    private Guard build(String providerId, int timeoutMs) {
        return Guard.create()
                .withDescription("provider " + providerId)
                .withTimeout().duration(timeoutMs, ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(settings.maxRetries())
                        .delay(millis(settings.retryDelay()), ChronoUnit.MILLIS)
                        .maxDuration(millis(settings.deadline()), ChronoUnit.MILLIS)
                        // An open circuit is the answer: asking again at once would only be refused again.
                        .abortOn(CircuitBreakerOpenException.class)
                        .done()
                .withCircuitBreaker()
                        .requestVolumeThreshold(settings.circuitWindow())
                        .failureRatio(settings.circuitFailureRatio())
                        .delay(millis(settings.circuitDelay()), ChronoUnit.MILLIS)
                        .done()
                .build();
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }

    private record Entry(int timeoutMs, Guard guard) {
    }
}
