package org.openipm.notification.topic;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How brands' alert topics are created (prefix {@code openipm.alert-topics}). */
@ConfigMapping(prefix = "openipm.alert-topics")
public interface AlertTopicSettings {

    /** Partitions of a new topic; one brand's alerts are few, and their order by key is kept whatever the count. */
    @WithDefault("3")
    int partitions();

    /** Replicas of a new topic; absent: the broker's {@code default.replication.factor}. */
    Optional<Short> replicationFactor();

    /** How long one creation may take before it counts as an outage and is retried. */
    @WithDefault("30s")
    Duration timeout();
}
