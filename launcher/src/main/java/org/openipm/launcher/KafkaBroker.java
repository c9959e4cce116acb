package org.openipm.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka (KRaft, broker and controller in one) as its own JVM, run from the Kafka jars in
 * {@code launcher/target/lib}. Its own process rather than inside the launcher: the broker's memory, threads and
 * crashes stay apart, and it is stopped like any server, with SIGTERM. The storage under
 * {@code .ipm/state/kafka} is formatted once and kept, so topics and messages survive restarts.
 */
public final class KafkaBroker {

    private final Path stateDir;
    private final Path libDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private Process process;

    public KafkaBroker(Path stateDir, Path libDir, int port, int controllerPort, Path logFile) {
        this.stateDir = stateDir.toAbsolutePath();
        this.libDir = libDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile.toAbsolutePath();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    Path dataDir() {
        return stateDir.resolve("data");
    }

    /**
     * Static quorum ({@code controller.quorum.voters}) rather than a dynamic one: the voter's address is then only
     * configuration, not written into the metadata log, so changing IPM_KAFKA_PORT later keeps the stored data
     * usable. The file is rewritten at each start for the same reason.
     */
    String serverProperties() {
        return String.join("\n",
                "# Written by ./ipm up at each start; edit launcher/.../KafkaBroker.java instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir(),
                // One node: every internal topic has a single replica.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // Consumer groups of freshly started services join at once instead of waiting 3 s.
                "group.initial.rebalance.delay.ms=0",
                // Dead-letter topics (<topic>.dlq.<service>) are created on first use.
                "auto.create.topics.enable=true",
                "num.partitions=3",
                // Fewer offsets partitions than the default 50: quicker first consumer-group start, less disk.
                "offsets.topic.num.partitions=10",
                "");
    }

    /** Log4j 2 configuration for the broker: everything to standard output, which goes to kafka.log. */
    private static String log4jProperties() {
        return String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                "logger.state.name = state.change.logger",
                "logger.state.level = WARN",
                "");
    }

    /** Writes the configuration, formats the storage if this is the first start, and launches the broker. */
    public void start() throws IOException {
        Files.createDirectories(stateDir);
        Files.createDirectories(logFile.getParent());
        Path properties = stateDir.resolve("server.properties");
        Files.writeString(properties, serverProperties());
        Path log4j = stateDir.resolve("log4j2.properties");
        Files.writeString(log4j, log4jProperties());

        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            format(properties, log4j);
        }
        List<String> command = java(log4j, "-Xmx512m");
        command.add("kafka.Kafka");
        command.add(properties.toString());
        process = new ProcessBuilder(Processes.inOwnProcessGroup(command))
                .directory(stateDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    /** The cluster id is kept beside the data so that a re-format (data deleted by hand) reuses it. */
    private void format(Path properties, Path log4j) throws IOException {
        Path idFile = stateDir.resolve("cluster.id");
        String clusterId;
        if (Files.isRegularFile(idFile)) {
            clusterId = Files.readString(idFile).trim();
        } else {
            clusterId = Uuid.randomUuid().toString();
            Files.writeString(idFile, clusterId + "\n");
        }
        List<String> command = java(log4j, "-Xmx256m");
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", properties.toString(),
                "--ignore-formatted"));
        Process formatting = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS)) {
                formatting.destroyForcibly();
                throw new IOException("Formatting the Kafka storage took more than 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            formatting.destroyForcibly();
            throw new IOException("Interrupted while formatting the Kafka storage", e);
        }
        if (formatting.exitValue() != 0) {
            throw new IOException("Formatting the Kafka storage failed (exit code " + formatting.exitValue() + ")");
        }
    }

    private List<String> java(Path log4j, String heap) {
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable());
        command.add(heap);
        command.add("-XX:+UseSerialGC");
        command.add("-Dlog4j2.configurationFile=" + log4j);
        command.add("-cp");
        command.add(libDir + File.separator + "*");
        return command;
    }

    /**
     * Waits until the broker accepts connections (topic creation then retries until the controller has elected
     * itself, which takes a moment more).
     *
     * @throws IOException if the broker exits or the port stays closed until the deadline
     */
    public void awaitListening(long deadlineNanos) throws IOException {
        while (!Readiness.tcpOpen("127.0.0.1", port)) {
            if (!process.isAlive()) {
                throw new IOException("Kafka exited with code " + process.exitValue() + " during start-up");
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IOException("Kafka did not open port " + port + " in time");
            }
            Processes.sleep(100);
        }
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGTERM: the broker flushes and closes its logs cleanly (2-7 s here); SIGKILL after {@code grace}. */
    public boolean stop(Duration grace) {
        return process == null || Processes.stop(process.toHandle(), "TERM", grace);
    }
}
