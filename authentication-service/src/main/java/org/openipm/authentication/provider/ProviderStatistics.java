package org.openipm.authentication.provider;

import java.util.Map;

/**
 * How a provider has been answering: requests completed per verdict and its latency over all of them.
 *
 * @param completed requests completed with this provider asked
 * @param byVerdict the number per normalised verdict (ERROR included)
 * @param latencyMs average, median and 99th percentile of the provider's latency, null when none completed
 */
public record ProviderStatistics(String providerId, long completed, Map<String, Long> byVerdict, Latency latencyMs) {

    public record Latency(double average, double p50, double p99) {
    }
}
