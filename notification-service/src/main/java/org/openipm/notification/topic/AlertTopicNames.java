package org.openipm.notification.topic;

import java.util.Optional;
import java.util.regex.Pattern;
import org.openipm.events.Topics;

/**
 * The name of a brand's alert topic, {@code alerts.<brand id>}, only for a brand id as product-service allows it
 * (2-63 of {@code a-z 0-9 -}, starting with a letter or digit). Anything else is refused: Kafka cannot name some
 * of it (spaces, slashes, more than 249 characters), and '.' or '_' in a brand id would let two brands' topics
 * collide in Kafka's metric names or read as another brand's prefix.
 */
public final class AlertTopicNames {

    private static final Pattern BRAND_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private AlertTopicNames() {
    }

    public static Optional<String> of(String brandId) {
        return brandId != null && BRAND_ID.matcher(brandId).matches() ? Optional.of(Topics.alertsOf(brandId))
                : Optional.empty();
    }
}
