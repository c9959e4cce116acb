package org.openipm.infrastructure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.openipm.events.TopicSpec;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) inside this JVM: the one broker that
 * {@code ./ipm up}, the tests and the benchmarks all start. Storage is formatted on first start and kept, so a
 * persistent directory keeps topics and messages across restarts; a temporary one gives a fresh broker.
 */
public final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;
    private final int controllerPort;

    private LocalKafka(KafkaRaftServer server, int port, int controllerPort) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Port 0 picks free ports (tests); fixed ports are what a local run and its users expect. */
    public static LocalKafka start(Path directory, int port, int controllerPort) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int brokerPort = port == 0 ? freePort() : port;
            int quorumPort = controllerPort == 0 ? freePort() : controllerPort;
            try {
                return startOn(directory, brokerPort, quorumPort);
            } catch (RuntimeException e) {
                // A free port picked above can be taken by another process before the broker binds it.
                if (attempt == 3 || (port != 0 && controllerPort != 0)) {
                    throw new IOException("Kafka did not start on ports " + brokerPort + "/" + quorumPort + ": " + e, e);
                }
            }
        }
    }

    private static LocalKafka startOn(Path directory, int port, int controllerPort) throws IOException {
        Files.createDirectories(directory);
        Properties properties = serverProperties(directory.toAbsolutePath().resolve("data"), port, controllerPort);
        Path file = directory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "written at each start by " + LocalKafka.class.getName());
        }
        if (!Files.exists(directory.resolve("data/meta.properties"))) {
            int code = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                    file.toString(), "--ignore-formatted"}, new PrintStream(OutputStream.nullOutputStream()));
            if (code != 0) {
                throw new IOException("Formatting the Kafka storage in " + directory + " failed (exit code " + code + ")");
            }
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        try {
            server.startup(); // returns once the broker is unfenced and serves requests
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        return new LocalKafka(server, port, controllerPort);
    }

    /**
     * A static quorum ({@code controller.quorum.voters}): the voter's address is then only configuration, not
     * written into the metadata log, so changing the ports later keeps the stored data usable.
     */
    static Properties serverProperties(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", dataDir.toString()),
                // One node: every internal topic has a single replica.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // Consumer groups of freshly started services and tests join at once instead of after 3 s.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Dead-letter topics (<topic>.dlq.<service>) are created on first use.
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", "3"),
                // Fewer offsets partitions than the default 50: a quicker first consumer-group start.
                Map.entry("offsets.topic.num.partitions", "10")));
        return p;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** With {@link #port()} and the same directory, what a restart needs to be the same broker. */
    public int controllerPort() {
        return controllerPort;
    }

    /** Creates the topics that are missing, with their partitions and compaction; returns the names created. */
    public static List<String> createTopics(String bootstrapServers, List<TopicSpec> specs) {
        List<String> created = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (TopicSpec spec : specs) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
                if (spec.compacted()) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                try {
                    admin.createTopics(List.of(topic)).all().get();
                    created.add(spec.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + spec.name() + ": " + e.getCause(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
        return created;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Controlled shutdown: the logs are flushed and closed, so the next start needs no recovery. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
