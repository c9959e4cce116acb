package org.openipm.events.product;

import java.time.Instant;
import java.util.UUID;

/** An officer was shown a brand's product (ISO 22378 inspector access log entry). */
public record ProductViewed(
        UUID viewId,
        UUID productId,
        String brandId,
        String officer,
        String authority,
        String country,
        String code,
        Instant viewedAt) {
}
