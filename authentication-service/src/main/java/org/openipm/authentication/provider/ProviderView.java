package org.openipm.authentication.provider;

import java.time.Instant;

/** A provider as the API shows it: never its secret. */
public record ProviderView(String id, String name, ConnectorType connector, String endpoint, int timeoutMs,
        ProviderStatus status, Coverage coverage, Instant createdAt, Instant updatedAt) {

    static ProviderView of(Provider provider) {
        return new ProviderView(provider.id, provider.name, provider.connector, provider.endpoint,
                provider.timeoutMs, provider.status, provider.coverage(), provider.createdAt, provider.updatedAt);
    }
}
