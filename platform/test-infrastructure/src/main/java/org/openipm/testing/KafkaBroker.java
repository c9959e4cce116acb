package org.openipm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static Path directory;
    private static int port;
    private static int controllerPort;

    private KafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("openipm-test-kafka");
                broker = LocalKafka.start(directory, 0, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the test Kafka broker", e);
            }
            port = broker.port();
            controllerPort = broker.controllerPort();
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaBroker::stop, "kafka-broker-stop"));
            createTopics(Topics.PLATFORM_TOPICS);
        }
        return "localhost:" + port;
    }

    /**
     * Stops the broker until the returned outage is closed; then it runs again on the same ports with the same
     * data, and clients reconnect by themselves.
     */
    public static synchronized Outage outage() {
        bootstrapServers();
        stop();
        return new Outage();
    }

    /** A broker outage in progress: {@link #close()} ends it and returns once the broker serves requests again. */
    public static final class Outage implements AutoCloseable {
        private Outage() {
        }

        @Override
        public void close() {
            synchronized (KafkaBroker.class) {
                try {
                    broker = LocalKafka.start(directory, port, controllerPort);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot restart the test Kafka broker", e);
                }
            }
        }
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
                // The JVM is exiting or an outage begins; the broker's files stay in their temporary folder.
            }
            broker = null;
        }
    }
}
