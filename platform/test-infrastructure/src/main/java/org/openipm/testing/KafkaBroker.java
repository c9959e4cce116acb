package org.openipm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.openipm.events.TopicSpec;
import org.openipm.events.Topics;
import org.openipm.infrastructure.LocalKafka;

/**
 * A real single-node KRaft broker inside the test JVM (the same starter as {@code ./ipm up}), started once per
 * JVM on free ports and shared by every test in it: tests isolate themselves by the keys and ids they use.
 */
public final class KafkaBroker {

    private static LocalKafka broker;

    private KafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                broker = LocalKafka.start(Files.createTempDirectory("openipm-test-kafka"), 0, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the test Kafka broker", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaBroker::stop, "kafka-broker-stop"));
            createTopics(Topics.PLATFORM_TOPICS);
        }
        return broker.bootstrapServers();
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates topics as the local launcher does, so tests see the same partitions and compaction. */
    public static void createTopics(List<TopicSpec> specs) {
        LocalKafka.createTopics(bootstrapServers(), specs);
    }

    private static synchronized void stop() {
        if (broker != null) {
            try {
                broker.close();
            } catch (RuntimeException ignored) {
                // The JVM is exiting; the broker's files live in a temporary folder.
            }
            broker = null;
        }
    }
}
