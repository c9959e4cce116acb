package org.openipm.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.openipm.events.TopicSpec;
import org.openipm.events.Topics;

/**
 * A real single-node KRaft broker inside the test JVM, started once per JVM and shared by every test in it:
 * starting it takes about two seconds, and tests isolate themselves by the keys and ids they use.
 */
public final class KafkaBroker {

    private static KafkaClusterTestKit cluster;

    private KafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaBroker::stop, "kafka-broker-stop"));
            createTopics(Topics.PLATFORM_TOPICS);
        }
        return cluster.bootstrapServers();
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates topics as the local launcher does, so tests see the same partitions and compaction. */
    public static void createTopics(List<TopicSpec> specs) {
        try (Admin admin = admin()) {
            for (TopicSpec spec : specs) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
                if (spec.compacted()) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + spec.name(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KafkaClusterTestKit start() {
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test Kafka broker", e);
        }
    }

    private static synchronized void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // The JVM is exiting; the broker's files live in a temporary folder.
            }
            cluster = null;
        }
    }
}
