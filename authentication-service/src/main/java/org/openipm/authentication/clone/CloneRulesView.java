package org.openipm.authentication.clone;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A brand's clone rules as the API shows them.
 *
 * @param defaultMaxVerifications the service's own limit, which applies where the brand set none
 */
public record CloneRulesView(String brandId, Integer maxVerifications, Map<UUID, Integer> products,
        int defaultMaxVerifications, String updatedBy, Instant updatedAt) {
}
