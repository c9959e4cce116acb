package org.openipm.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.openipm.events.TopicSpec;

/**
 * Creates the platform topics before any service starts: a consumer that comes first would have the broker
 * auto-create its topic with the default partition count and no compaction. Existing topics are left as they are.
 */
public final class TopicCreator {

    private TopicCreator() {
    }

    /** @return the names of the topics created now (empty if all existed) */
    public static List<String> ensureTopics(String bootstrapServers, List<TopicSpec> specs, Duration timeout)
            throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ipm-launcher");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (!existing.contains(spec.name())) {
                    NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
                    if (spec.compacted()) {
                        topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(topic);
                }
            }
            List<String> created = new ArrayList<>();
            if (missing.isEmpty()) {
                return created;
            }
            CreateTopicsResult result = admin.createTopics(missing);
            for (Map.Entry<String, ? extends org.apache.kafka.common.KafkaFuture<Void>> entry
                    : result.values().entrySet()) {
                try {
                    entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    // Created meanwhile by a service or another launcher: fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                } catch (TimeoutException e) {
                    throw new TimeoutException("Creating topic " + entry.getKey() + " took more than "
                            + timeout.toSeconds() + " s");
                }
            }
            return created;
        }
    }
}
